export * from './evidence-content.policy';
export * from './evidence-query.service';
export * from './evidence-type';
export * from './evidence-upload.service';
export * from './evidence.module';
export * from './evidence.types';
export * from './evidence-file-name';
