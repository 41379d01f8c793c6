export * from './dependency-probes';
