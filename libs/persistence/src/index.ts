export * from './data-source-options';
export * from './database-setup';
export * from './entities';
export * from './entities/system-probe.entity';
export * from './migrations';
export * from './persistence.module';
