import { INestApplication, INestApplicationContext } from '@nestjs/common';
import Redis from 'ioredis';
import { rm } from 'node:fs/promises';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { createWorkerApp } from '../../apps/worker/src/create-worker-app';
import type { AppConfig } from '../../libs/config/src/app-config';
import { redisOptionsFromUrl } from '../../libs/queue/src/redis-options';
import { testConfig } from './test-config';

export interface TestStack {
  config: AppConfig;
  api: INestApplication;
  worker?: INestApplicationContext;
  close(): Promise<void>;
}

/** Starts the real API (and, unless told otherwise, the real worker) in this process against the real stack. */
export async function startTestStack(
  opts: {
    worker?: boolean;
    config?: AppConfig;
    overrides?: Record<string, string>;
    workerOverrides?: Record<string, string>;
  } = {},
): Promise<TestStack> {
  const config = opts.config ?? testConfig(opts.overrides);
  // The worker shares the API's task queue and queue prefix; workerOverrides can point it elsewhere (e.g. past a proxy).
  const workerConfig = opts.workerOverrides
    ? testConfig({
        TEMPORAL_TASK_QUEUE: config.temporal.taskQueue,
        QUEUE_PREFIX: config.redis.queuePrefix,
        ...opts.overrides,
        ...opts.workerOverrides,
      })
    : config;
  const worker = opts.worker === false ? undefined : await createWorkerApp(workerConfig);
  const api = await createApiApp(config);
  await api.init();
  return {
    config,
    api,
    worker,
    async close() {
      await api.close();
      await worker?.close();
      await dropQueueKeys(config);
      await rm(config.storage.dir, { recursive: true, force: true });
    },
  };
}

/** Each test file has its own BullMQ prefix; remove its keys so Redis does not fill up across runs. */
async function dropQueueKeys(config: AppConfig): Promise<void> {
  const redis = new Redis({ ...redisOptionsFromUrl(config.redis.url), lazyConnect: true });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${config.redis.queuePrefix}:*`, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** Polls `fn` until it returns a truthy value or the timeout passes. */
export async function eventually<T>(
  fn: () => Promise<T | undefined | null | false>,
  timeoutMs = 30000,
  everyMs = 200,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < until) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`condition not met within ${timeoutMs} ms${last ? `: ${(last as Error).message}` : ''}`);
}
