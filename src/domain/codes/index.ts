export * from './code-list.js';
export * from './referral-source.js';
export * from './primary-need.js';
export * from './cin-closure-reason.js';
