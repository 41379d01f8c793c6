export * from './temporal-client.module';
export * from './temporal-tls';
export * from './execute-update';
