export * from './role';
export * from './unit-kind';
export * from './permissions';
