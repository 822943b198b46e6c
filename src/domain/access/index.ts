export * from './roles.js';
export * from './decide.js';
