export * from './area.js';
export * from './work-kinds.js';
export * from './registry.js';
