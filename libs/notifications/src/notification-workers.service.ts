import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job, Worker, WorkerOptions } from 'bullmq';
import { AppConfig } from '@rectiflow/config';
import { NotificationRequest, QUEUES } from '@rectiflow/contracts';
import { redisOptionsFromUrl } from '@rectiflow/queue';
import { DeliveryExecutor } from './delivery/delivery-executor.service';
import { DELIVERY_QUEUE_NAMES } from './delivery/delivery-queues';
import type { DeliveryJobData } from './delivery/delivery.types';
import { NotificationFanoutService } from './notification-fanout.service';

/**
 * The BullMQ workers of notifications: one on `notifications` (workflow requests → fan-out) and one per delivery
 * queue. Built here rather than with @Processor for two reasons:
 *  - rate limits come from configuration (NOTIFY_*_RATE_PER_MINUTE), decorator options are fixed at compile time;
 *    a limiter is per queue, so the email limit never slows webhooks and vice versa;
 *  - a worker needs its own connection that waits out a Redis outage (offline queue on, maxRetriesPerRequest
 *    null). The shared queue connection fails fast, which is right for producers but would make a worker drop
 *    its own "completed"/"retry later" writes, leaving the job to BullMQ's stalled check a minute later.
 * The request job's attempts and backoff are the `notifications` queue defaults (libs/queue).
 */
@Injectable()
export class NotificationWorkersService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(NotificationWorkersService.name);
  private readonly workers: Worker[] = [];

  constructor(
    private readonly config: AppConfig,
    private readonly fanout: NotificationFanoutService,
    private readonly executor: DeliveryExecutor,
  ) {}

  onApplicationBootstrap(): void {
    const n = this.config.notifications;
    const perMinute = (max: number) => ({ max, duration: 60_000 });
    this.start(QUEUES.notifications, (job: Job<NotificationRequest>) => this.fanout.fanOut(job.data), {
      concurrency: 5,
    });
    const deliver = (job: Job<DeliveryJobData>) => this.executor.run(job);
    this.start(DELIVERY_QUEUE_NAMES.in_app, deliver, { concurrency: 10 });
    this.start(DELIVERY_QUEUE_NAMES.email, deliver, {
      concurrency: 4,
      limiter: perMinute(n.emailRatePerMinute),
    });
    this.start(DELIVERY_QUEUE_NAMES.webhook, deliver, {
      concurrency: 4,
      limiter: perMinute(n.webhookRatePerMinute),
    });
  }

  /** Graceful: stop taking jobs and let running ones finish before Nest closes the database pool. */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
    this.workers.length = 0;
  }

  private start<T>(
    queue: string,
    process: (job: Job<T>) => Promise<unknown>,
    options: Partial<WorkerOptions>,
  ): void {
    const worker = new Worker<T>(queue, process, {
      connection: {
        ...redisOptionsFromUrl(this.config.redis.url),
        maxRetriesPerRequest: null,
        enableOfflineQueue: true,
      },
      prefix: this.config.redis.queuePrefix,
      // Jobs here take seconds: a short lock (renewed every 5 s) and a frequent stalled check put a job that was
      // active when Redis went away back in line within seconds of Redis returning, instead of a minute.
      lockDuration: 10_000,
      stalledInterval: 5_000,
      // An outage can stall the same job more than once; it is retried, not failed, until it really fails.
      maxStalledCount: 5,
      ...options,
    });
    worker.on('error', (err) => this.logger.warn(`${queue} worker: ${err.message}`));
    worker.on('failed', (job, err) =>
      this.logger.debug(`${queue} job ${job?.id} attempt ${job?.attemptsMade} failed: ${err.message}`),
    );
    this.workers.push(worker as Worker);
  }
}
