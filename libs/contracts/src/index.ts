export * from './probe.contract';
export * from './queue-names';
export * from './search-attributes';
