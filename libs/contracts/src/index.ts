export * from './probe.contract';
export * from './queue-names';
export * from './search-attributes';
export * from './rectification';
export * from './notifications';
export * from './api/policy-defaults.response';
