import { BullModule, getQueueToken } from '@nestjs/bullmq';
import { Global, Inject, Logger, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import Redis from 'ioredis';
import { AppConfig } from '@rectiflow/config';
import { QUEUES } from '@rectiflow/contracts';
import { redisOptionsFromUrl } from './redis-options';

export const REDIS = Symbol('REDIS');

/**
 * BullMQ queues (producers) plus one plain Redis client for health checks. Producers fail fast when Redis is
 * down (no offline queue) so the caller — an HTTP request or a Temporal activity — sees the error and retries,
 * instead of a job silently waiting in process memory.
 */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        connection: { ...redisOptionsFromUrl(config.redis.url) },
        prefix: config.redis.queuePrefix,
      }),
    }),
    ...Object.values(QUEUES).map((name) =>
      BullModule.registerQueueAsync({
        name,
        inject: [AppConfig],
        useFactory: (config: AppConfig) => ({
          connection: { ...redisOptionsFromUrl(config.redis.url), enableOfflineQueue: false },
          prefix: config.redis.queuePrefix,
          defaultJobOptions: {
            attempts: 8,
            backoff: { type: 'exponential', delay: 2000 },
            removeOnComplete: { age: 7 * 24 * 3600, count: 10000 },
            removeOnFail: false,
          },
        }),
      }),
    ),
  ],
  providers: [
    {
      provide: REDIS,
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        new Redis({
          ...redisOptionsFromUrl(config.redis.url),
          enableOfflineQueue: false,
          maxRetriesPerRequest: 1,
          connectTimeout: 3000,
          lazyConnect: false,
          retryStrategy: (times) => Math.min(times * 200, 2000),
        }),
    },
  ],
  exports: [BullModule, REDIS],
})
export class QueueModule implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('QueueModule');

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly moduleRef: ModuleRef,
  ) {}

  /**
   * A Redis outage makes every producer emit 'error'; without a listener that is unstructured noise on stderr.
   * Log it once per change of state instead — callers already get the failure from `add()` and retry.
   */
  onModuleInit(): void {
    const seen = new Set<string>();
    const report = (source: string) => (err: Error) => {
      const key = `${source}:${err.message}`;
      if (seen.has(key)) return;
      seen.add(key);
      this.logger.warn({ source, err: err.message }, `Redis unavailable for ${source}`);
    };
    this.redis.on('error', report('health-client'));
    this.redis.on('ready', () => seen.clear());
    for (const name of Object.values(QUEUES)) {
      const queue = this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
      queue.on('error', report(`queue ${name}`));
    }
  }

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}
