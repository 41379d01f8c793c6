export * from './role';
export * from './unit-kind';
