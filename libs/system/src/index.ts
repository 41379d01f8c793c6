export * from './probe.activities';
export * from './probe.processor';
export * from './probe.service';
export * from './system.module';
