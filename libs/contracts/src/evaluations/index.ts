export * from './evaluation-status';
