export * from './audit-entry';
export * from './audit.module';
export * from './audit.service';
export * from './client-ip';
export * from './client-ip.decorator';
export * from './redact-secrets';
