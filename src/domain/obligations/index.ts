export * from './due-item.js';
export * from './front-door.js';
