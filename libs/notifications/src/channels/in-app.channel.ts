import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { NotificationEntity } from '@rectiflow/persistence';
import { DeliveryJobData, PermanentDeliveryError } from '../delivery/delivery.types';
import type { NotificationChannel } from '../delivery/notification-channel';

/** 站内消息: a row in `notification`, inserted once per delivery key however often the job runs. */
@Injectable()
export class InAppChannel implements NotificationChannel {
  readonly name = 'in_app' as const;
  readonly enabled = true;

  constructor(
    @InjectRepository(NotificationEntity) private readonly notifications: Repository<NotificationEntity>,
  ) {}

  async send(d: DeliveryJobData): Promise<void> {
    if (d.recipient.kind !== 'user') throw new PermanentDeliveryError('站内消息只能发给用户');
    try {
      await this.notifications
        .createQueryBuilder()
        .insert()
        .into(NotificationEntity)
        .values({
          userId: d.recipient.userId,
          deliveryKey: d.deliveryKey,
          event: d.event,
          level: d.level,
          title: d.message.title,
          body: d.message.body,
          link: d.message.link,
          rectificationId: d.ref.rectificationId,
          evaluationId: d.ref.evaluationId,
          readAt: null,
        })
        .orIgnore()
        .updateEntity(false)
        .execute();
    } catch (err) {
      // The account was deleted since the notification was planned: nobody left to tell.
      if ((err as { code?: string }).code === 'ER_NO_REFERENCED_ROW_2')
        throw new PermanentDeliveryError(`用户 ${d.recipient.userId} 不存在`);
      throw err;
    }
  }
}
