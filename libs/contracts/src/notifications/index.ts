export * from './daily-digest.contract';
