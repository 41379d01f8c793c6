import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import type { AppConfig } from '@rectiflow/config';
import { buildDataSourceOptions } from './data-source-options';

/** Splits mysql://user:pass@host:port/db into the server URL and the database name. */
export function splitDatabaseUrl(url: string): { serverUrl: string; database: string } {
  const u = new URL(url);
  const database = decodeURIComponent(u.pathname.replace(/^\//, ''));
  u.pathname = '/';
  return { serverUrl: u.toString(), database };
}

/** Creates the database (utf8mb4) when missing. Idempotent. */
export async function ensureDatabase(url: string): Promise<void> {
  const { serverUrl, database } = splitDatabaseUrl(url);
  const conn = await createConnection({ uri: serverUrl, connectTimeout: 5000 });
  try {
    await conn.query(
      `CREATE DATABASE IF NOT EXISTS \`${database.replace(/`/g, '')}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
  } finally {
    await conn.end();
  }
}

/** Runs pending migrations; returns the names of those applied now. */
export async function runMigrations(config: Pick<AppConfig, 'database'>): Promise<string[]> {
  const ds = new DataSource(buildDataSourceOptions(config));
  await ds.initialize();
  try {
    const applied = await ds.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}
