export * from './workforce.js';
export * from './people.js';
export * from './front-door.js';
export * from './audit.js';
export * from './settings.js';
