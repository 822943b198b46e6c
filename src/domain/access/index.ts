export * from './roles.js';
export * from './capabilities.js';
export * from './decide.js';
