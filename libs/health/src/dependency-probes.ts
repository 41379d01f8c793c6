import { Connection } from '@temporalio/client';
import Redis from 'ioredis';
import { createConnection } from 'mysql2/promise';
import type { AppConfig } from '@rectiflow/config';
import { redisOptionsFromUrl } from '@rectiflow/queue';
import { buildTemporalTls } from '@rectiflow/temporal';

export type Dependency = 'mysql' | 'redis' | 'temporal';
export interface ProbeOutcome {
  dependency: Dependency;
  ok: boolean;
  target: string;
  error?: string;
  hint?: string;
}

const withTimeout = <T>(p: Promise<T>, ms: number, what: string): Promise<T> =>
  Promise.race([
    p,
    new Promise<T>((_, reject) =>
      setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms).unref(),
    ),
  ]);

const HINTS: Record<Dependency, string> = {
  mysql:
    'start MariaDB/MySQL (npm run stack does it; as root: start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd) and check DATABASE_URL',
  redis:
    'start Redis (npm run stack does it; or: redis-server --daemonize yes --bind 127.0.0.1) and check REDIS_URL',
  temporal:
    'start the Temporal dev server: scripts/temporal-dev.sh start (npm run stack does it) and check TEMPORAL_ADDRESS',
};

export async function probeMysql(
  config: Pick<AppConfig, 'database'>,
  timeoutMs = 3000,
): Promise<ProbeOutcome> {
  const u = new URL(config.database.url);
  const target = `${u.hostname}:${u.port || 3306}${u.pathname}`;
  try {
    const conn = await withTimeout(
      createConnection({ uri: config.database.url, connectTimeout: timeoutMs }),
      timeoutMs,
      'MySQL',
    );
    try {
      await conn.query('SELECT 1');
    } finally {
      await conn.end().catch(() => undefined);
    }
    return { dependency: 'mysql', ok: true, target };
  } catch (err) {
    return { dependency: 'mysql', ok: false, target, error: (err as Error).message, hint: HINTS.mysql };
  }
}

export async function probeRedis(config: Pick<AppConfig, 'redis'>, timeoutMs = 3000): Promise<ProbeOutcome> {
  const opts = redisOptionsFromUrl(config.redis.url);
  const target = `${opts.host}:${opts.port}/${opts.db}`;
  const redis = new Redis({
    ...opts,
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
    connectTimeout: timeoutMs,
  });
  redis.on('error', () => undefined);
  try {
    await withTimeout(
      redis.connect().then(() => redis.ping()),
      timeoutMs,
      'Redis',
    );
    return { dependency: 'redis', ok: true, target };
  } catch (err) {
    return { dependency: 'redis', ok: false, target, error: (err as Error).message, hint: HINTS.redis };
  } finally {
    redis.disconnect();
  }
}

export async function probeTemporal(
  config: Pick<AppConfig, 'temporal'>,
  timeoutMs = 5000,
): Promise<ProbeOutcome> {
  const target = `${config.temporal.address} (namespace ${config.temporal.namespace})`;
  let connection: Connection | undefined;
  try {
    connection = await withTimeout(
      Connection.connect({
        address: config.temporal.address,
        tls: buildTemporalTls(config),
        connectTimeout: timeoutMs,
      }),
      timeoutMs,
      'Temporal',
    );
    await connection.workflowService.describeNamespace({ namespace: config.temporal.namespace });
    return { dependency: 'temporal', ok: true, target };
  } catch (err) {
    return { dependency: 'temporal', ok: false, target, error: (err as Error).message, hint: HINTS.temporal };
  } finally {
    await connection?.close().catch(() => undefined);
  }
}

/**
 * Boot check shared by the API, the worker and scripts: a dead dependency stops the process with one line
 * naming it and saying how to start it, instead of a wall of retry stack traces.
 */
export async function preflight(
  config: AppConfig,
  deps: Dependency[] = ['mysql', 'redis', 'temporal'],
): Promise<ProbeOutcome[]> {
  const probes = { mysql: probeMysql, redis: probeRedis, temporal: probeTemporal };
  return Promise.all(deps.map((d) => probes[d](config)));
}

export function formatPreflightFailures(outcomes: ProbeOutcome[]): string {
  return outcomes
    .filter((o) => !o.ok)
    .map((o) => `✗ ${o.dependency} is not reachable at ${o.target}: ${o.error}\n  → ${o.hint}`)
    .join('\n');
}
