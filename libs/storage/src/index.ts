export * from './file-store';
export * from './local-file-store';
export * from './storage-key';
export * from './storage.module';
