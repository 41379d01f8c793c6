/**
 * The servers the Temporal benchmarks share: a throwaway MySQL database (dropped first, migrated), the real
 * worker (workflow bundle built from the current source), the real API and a raw-engine worker on its own task
 * queue — all in this process, against the local Temporal, MariaDB and Redis.
 */
import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { randomBytes } from 'node:crypto';
import { createConnection, createPool, Pool } from 'mysql2/promise';
import { resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { createWorkerApp } from '../../apps/worker/src/create-worker-app';
import type { AppConfig } from '../../libs/config/src/app-config';
import { buildConfig } from '../../libs/config/src/load-config';
import { runMigrations, splitDatabaseUrl } from '../../libs/persistence/src/database-setup';
import { createRawEngineActivities, RAW_TABLE_DDL } from './raw-engine.activities';

export interface BenchStack {
  config: AppConfig;
  api: INestApplication;
  /** Absent when the bench runs the worker as its own process (to measure it). */
  worker?: INestApplicationContext;
  client: Client;
  pool: Pool;
  dataSource: DataSource;
  rawTaskQueue: string;
  close(): Promise<void>;
}

export { benchArg } from '../bench-utils';

export async function startBenchStack(
  opts: { database?: string; env?: Record<string, string>; worker?: boolean } = {},
): Promise<BenchStack> {
  const server = process.env.BENCH_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/';
  const url = `${server.replace(/\/$/, '')}/${opts.database ?? 'rectiflow_bench_issuing'}`;
  const { serverUrl, database } = splitDatabaseUrl(url);
  const conn = await createConnection({ uri: serverUrl });
  await conn.query(`DROP DATABASE IF EXISTS \`${database}\``);
  await conn.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await conn.end();
  await runMigrations({ database: { url, poolSize: 2 } });
  const uid = randomBytes(4).toString('hex');
  const config = buildConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'error',
    DATABASE_URL: url,
    REDIS_URL: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/0',
    QUEUE_PREFIX: `rfbench-${uid}`,
    TEMPORAL_ADDRESS: process.env.BENCH_TEMPORAL_ADDRESS ?? '127.0.0.1:7233',
    TEMPORAL_NAMESPACE: 'rectiflow-test',
    TEMPORAL_TASK_QUEUE: `bench-${uid}`,
    // The bundle is built from the current source: the bench measures this checkout.
    TEMPORAL_WORKFLOW_BUNDLE: '',
    STORAGE_DIR: resolve(__dirname, '../../var/bench', `storage-${uid}`),
    JWT_SECRET: 'bench-only-secret-0123456789abcdef0123456789abcdef',
    LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
    // The workflow cache is the worker's memory budget: a bench may be run at another size, as production may.
    ...(process.env.TEMPORAL_MAX_CACHED_WORKFLOWS
      ? { TEMPORAL_MAX_CACHED_WORKFLOWS: process.env.TEMPORAL_MAX_CACHED_WORKFLOWS }
      : {}),
    ...opts.env,
  });
  const worker = opts.worker === false ? undefined : await createWorkerApp(config);
  const api = await createApiApp(config);
  await api.init();
  const client = api.get(Client);
  const pool = createPool({ uri: url, connectionLimit: 10 });
  await pool.query(RAW_TABLE_DDL);
  const rawTaskQueue = `bench-raw-${uid}`;
  const connection = await NativeConnection.connect({ address: config.temporal.address });
  const raw = await Worker.create({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: rawTaskQueue,
    workflowsPath: require.resolve('./raw-engine.workflows'),
    activities: createRawEngineActivities(pool),
  });
  const rawRunning = raw.run();
  return {
    config,
    api,
    worker,
    client,
    pool,
    dataSource: api.get(DataSource),
    rawTaskQueue,
    async close() {
      raw.shutdown();
      await rawRunning.catch(() => undefined);
      await connection.close();
      await api.close();
      await worker?.close();
      await pool.end();
    },
  };
}

/** Runs `fn` over `items` with at most `limit` in flight. */
export async function mapBounded<T, R>(items: T[], limit: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]);
      }
    }),
  );
  return out;
}

export async function waitFor(fn: () => Promise<boolean>, timeoutMs: number, everyMs = 100): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await fn())) {
    if (Date.now() > until) throw new Error(`bench: condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Seeds the bureau, one department and a reviewer; returns the ids the issuing path needs. */
export async function seedUnits(pool: Pool): Promise<{ bureauId: number; deptId: number; userId: number }> {
  const [b] = await pool.query<never>(
    `INSERT INTO unit (code, name, kind, parentId, contactEmails, active) VALUES ('bench-bureau', '财政局', 'bureau', NULL, '[]', 1)`,
  );
  const bureauId = (b as { insertId: number }).insertId;
  const [d] = await pool.query<never>(
    `INSERT INTO unit (code, name, kind, parentId, contactEmails, active) VALUES ('bench-dept', '工业和信息化局', 'department', ?, '[]', 1)`,
    [bureauId],
  );
  const deptId = (d as { insertId: number }).insertId;
  return { bureauId, deptId, userId: 1 };
}

/** Terminates every workflow a run left open (the issued items sleep until their deadline). */
export async function terminateAll(client: Client, ids: string[]): Promise<void> {
  await mapBounded(ids, 16, async (id) => {
    await client.workflow
      .getHandle(id)
      .terminate('bench cleanup')
      .catch(() => undefined);
  });
}
