export * from './probe.contract';
export * from './queue-names';
export * from './search-attributes';
export * from './rectification';
export * from './notifications';
export * from './accounts';
export * from './evaluations';
export * from './api';
