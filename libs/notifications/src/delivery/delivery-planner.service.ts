import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { AppConfig } from '@rectiflow/config';
import { NotificationDeliveryEntity } from '@rectiflow/persistence';
import { NotificationPreferenceService } from '../preferences/notification-preference.service';
import { deliveryTarget, PlannedNotification, planDeliveries } from './delivery-plan';
import { DeliveryQueues } from './delivery-queues';
import type { DeliveryJobData } from './delivery.types';

/**
 * Fans a rendered notification out into delivery jobs. Safe to repeat (a retried request job, a retried digest
 * activity): ledger rows are inserted once by delivery key, deliveries already sent are not queued again, and
 * BullMQ ignores a job id it already holds.
 */
@Injectable()
export class DeliveryPlanner {
  constructor(
    private readonly config: AppConfig,
    private readonly preferences: NotificationPreferenceService,
    private readonly queues: DeliveryQueues,
    @InjectRepository(NotificationDeliveryEntity)
    private readonly ledger: Repository<NotificationDeliveryEntity>,
  ) {}

  async plan(n: PlannedNotification): Promise<{ deliveries: number; enqueued: number }> {
    const userIds = [...new Set(n.recipients.flatMap((r) => ('user' in r ? [r.user.id] : [])))];
    const deliveries = planDeliveries(n, {
      preferences: await this.preferences.storedChannels(userIds, n.event),
      emailEnabled: !!this.config.notifications.smtpUrl,
    });
    if (deliveries.length === 0) return { deliveries: 0, enqueued: 0 };
    const webhookUrls = new Map(
      n.recipients.flatMap((r) => ('unit' in r ? [[r.unit.id, r.unit.webhookUrl] as const] : [])),
    );
    await this.ledger
      .createQueryBuilder()
      .insert()
      .into(NotificationDeliveryEntity)
      .values(
        deliveries.map((d) =>
          ledgerRow(d, d.recipient.kind === 'unit' ? webhookUrls.get(d.recipient.unitId) : null),
        ),
      )
      .orIgnore()
      .updateEntity(false)
      .execute();
    const sent = await this.ledger.find({
      where: { deliveryKey: In(deliveries.map((d) => d.deliveryKey)), status: 'sent' },
      select: { deliveryKey: true },
    });
    const done = new Set(sent.map((r) => r.deliveryKey));
    const pending = deliveries.filter((d) => !done.has(d.deliveryKey));
    await this.queues.add(pending);
    return { deliveries: deliveries.length, enqueued: pending.length };
  }
}

export function ledgerRow(
  d: DeliveryJobData,
  webhookUrl?: string | null,
): Partial<NotificationDeliveryEntity> {
  return {
    deliveryKey: d.deliveryKey,
    notificationKey: d.notificationKey.slice(0, 160),
    event: d.event,
    level: d.level,
    channel: d.channel,
    recipientUserId: d.recipient.kind === 'user' ? d.recipient.userId : null,
    recipientUnitId: d.recipient.kind === 'unit' ? d.recipient.unitId : null,
    recipientLabel: d.recipient.name.slice(0, 200),
    target: deliveryTarget(d, webhookUrl).slice(0, 300),
    rectificationId: d.ref.rectificationId,
    status: 'pending',
    attempts: 0,
    lastError: null,
    job: d,
    sentAt: null,
  };
}
