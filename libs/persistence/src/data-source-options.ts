import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '@rectiflow/config';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export function buildDataSourceOptions(config: Pick<AppConfig, 'database'>): DataSourceOptions {
  return {
    type: 'mysql',
    url: config.database.url,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    poolSize: config.database.poolSize,
    // A pool that fails fast lets /ready and the 503 mapping report MySQL as down instead of hanging.
    connectTimeout: 5000,
    extra: { connectionLimit: config.database.poolSize, enableKeepAlive: true },
  };
}
