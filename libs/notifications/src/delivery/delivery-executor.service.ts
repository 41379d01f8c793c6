import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Job, UnrecoverableError } from 'bullmq';
import { Repository } from 'typeorm';
import { NotificationDeliveryEntity } from '@rectiflow/persistence';
import { ledgerRow } from './delivery-planner.service';
import { CHANNEL_LABELS, DeliveryJobData, PermanentDeliveryError } from './delivery.types';
import { NOTIFICATION_CHANNELS, NotificationChannel } from './notification-channel';

export type DeliveryOutcome = 'sent' | 'already_sent';

/**
 * Runs one delivery job against its channel and keeps the ledger row in step. The row decides "sent": a job
 * re-added after it completed (or a stalled job run twice) finds the row sent and sends nothing.
 */
@Injectable()
export class DeliveryExecutor {
  private readonly logger = new Logger(DeliveryExecutor.name);

  constructor(
    @InjectRepository(NotificationDeliveryEntity)
    private readonly ledger: Repository<NotificationDeliveryEntity>,
    @Inject(NOTIFICATION_CHANNELS) private readonly channels: NotificationChannel[],
  ) {}

  async run(job: Job<DeliveryJobData>): Promise<DeliveryOutcome> {
    const d = job.data;
    const row = await this.ledger.findOne({
      where: { deliveryKey: d.deliveryKey },
      select: { id: true, status: true },
    });
    if (row?.status === 'sent') return 'already_sent';
    if (!row)
      await this.ledger
        .createQueryBuilder()
        .insert()
        .into(NotificationDeliveryEntity)
        .values(ledgerRow(d))
        .orIgnore()
        .execute();

    try {
      const channel = this.channels.find((c) => c.name === d.channel);
      if (!channel?.enabled) throw new PermanentDeliveryError(`${CHANNEL_LABELS[d.channel]}渠道未启用`);
      await channel.send(d);
    } catch (err) {
      const permanent = err instanceof PermanentDeliveryError;
      const last = permanent || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      const message = errorMessage(err);
      await this.ledger.update(
        { deliveryKey: d.deliveryKey },
        {
          status: last ? 'failed' : 'retrying',
          attempts: () => 'attempts + 1',
          lastError: message.slice(0, 1000),
        },
      );
      if (last) this.logger.warn(`delivery ${d.deliveryKey} failed for good: ${message}`);
      // UnrecoverableError: BullMQ fails the job now instead of spending the remaining attempts.
      throw permanent ? new UnrecoverableError(message) : err;
    }
    await this.ledger.update(
      { deliveryKey: d.deliveryKey },
      { status: 'sent', attempts: () => 'attempts + 1', lastError: null, sentAt: new Date() },
    );
    return 'sent';
  }
}

/** The message with its causes ("fetch failed: connect ECONNREFUSED …"): the part an admin can act on. */
function errorMessage(err: unknown): string {
  const parts: string[] = [];
  for (
    let e: unknown = err;
    e !== undefined && e !== null && parts.length < 4;
    e = (e as { cause?: unknown }).cause
  ) {
    const m = e instanceof Error ? e.message || e.name : String(e);
    if (m && !parts.some((p) => p.includes(m))) parts.push(m);
    if (!(e instanceof Error)) break;
  }
  return parts.join(': ') || 'unknown error';
}
