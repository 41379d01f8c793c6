import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { JobsOptions, Queue } from 'bullmq';
import { AppConfig } from '@rectiflow/config';
import { QUEUES } from '@rectiflow/contracts';
import { CHANNELS, ChannelName, DeliveryJobData } from './delivery.types';

export const DELIVERY_QUEUE_NAMES: Record<ChannelName, string> = {
  in_app: QUEUES.deliveriesInApp,
  email: QUEUES.deliveriesEmail,
  webhook: QUEUES.deliveriesWebhook,
};

/** The three delivery queues (producers). Job id = delivery key: adding a delivery twice queues it once. */
@Injectable()
export class DeliveryQueues {
  private readonly byChannel: Record<ChannelName, Queue<DeliveryJobData>>;

  constructor(
    private readonly config: AppConfig,
    @InjectQueue(QUEUES.deliveriesInApp) inApp: Queue<DeliveryJobData>,
    @InjectQueue(QUEUES.deliveriesEmail) email: Queue<DeliveryJobData>,
    @InjectQueue(QUEUES.deliveriesWebhook) webhook: Queue<DeliveryJobData>,
  ) {
    this.byChannel = { in_app: inApp, email, webhook };
    // A producer reports a Redis outage to its caller (which retries); the queue's own error event is only noise.
    for (const queue of [inApp, email, webhook]) queue.on('error', () => undefined);
  }

  queue(channel: ChannelName): Queue<DeliveryJobData> {
    return this.byChannel[channel];
  }

  /** Exponential backoff from NOTIFY_BACKOFF_MS; failed jobs stay for admins, completed ones are trimmed. */
  jobOptions(deliveryKey: string): JobsOptions {
    const n = this.config.notifications;
    return {
      jobId: deliveryKey,
      attempts: n.attempts,
      backoff: { type: 'exponential', delay: n.backoffMs },
      removeOnComplete: { age: 24 * 3600, count: 5000 },
      removeOnFail: false,
    };
  }

  async add(deliveries: DeliveryJobData[]): Promise<void> {
    for (const channel of CHANNELS) {
      const jobs = deliveries.filter((d) => d.channel === channel);
      if (jobs.length)
        await this.byChannel[channel].addBulk(
          jobs.map((d) => ({ name: d.event, data: d, opts: this.jobOptions(d.deliveryKey) })),
        );
    }
  }
}
