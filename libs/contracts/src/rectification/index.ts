export * from './evaluation-follow-up.definitions';
export * from './rectification.activities';
export * from './rectification.commands';
export * from './rectification.definitions';
export * from './rectification.types';
