import { AuditContext, AuditService } from '@rectiflow/audit';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { Repository } from 'typeorm';
import { AppError, NotFoundError } from '@rectiflow/common';
import { NotificationRequest, QUEUES } from '@rectiflow/contracts';
import type { FailedDelivery, FailedRequest } from '@rectiflow/contracts';
import { NotificationDeliveryEntity } from '@rectiflow/persistence';
import { DeliveryQueues } from '../delivery/delivery-queues';
import type { ChannelName, DeliveryJobData } from '../delivery/delivery.types';

// What the failures page reads: declared once in libs/contracts.
export type { FailedDelivery, FailedRequest } from '@rectiflow/contracts';

/** What admins see and retry when a notification could not be delivered. */
@Injectable()
export class DeliveryFailureService {
  constructor(
    @InjectRepository(NotificationDeliveryEntity)
    private readonly ledger: Repository<NotificationDeliveryEntity>,
    private readonly queues: DeliveryQueues,
    @InjectQueue(QUEUES.notifications) private readonly requests: Queue<NotificationRequest>,
    private readonly audit: AuditService,
  ) {}

  async list(q: {
    page: number;
    pageSize: number;
    channel?: ChannelName;
  }): Promise<{ items: FailedDelivery[]; total: number }> {
    const [rows, total] = await this.ledger.findAndCount({
      where: { status: 'failed', ...(q.channel ? { channel: q.channel } : {}) },
      order: { updatedAt: 'DESC', id: 'DESC' },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    });
    return { items: rows.map(toFailure), total };
  }

  async failedRequests(limit = 50): Promise<FailedRequest[]> {
    const jobs = await this.requests.getFailed(0, limit - 1);
    return jobs.map((j) => ({
      jobId: String(j.id),
      event: j.data.event,
      rectificationId: j.data.rectificationId,
      attemptsMade: j.attemptsMade,
      failedReason: j.failedReason,
      failedAt: j.finishedOn ? new Date(j.finishedOn).toISOString() : null,
    }));
  }

  /** Puts a failed delivery back on its queue with a fresh set of attempts; 409 unless it is failed. */
  async retry(id: number, by?: AuditContext): Promise<FailedDelivery> {
    const row = await this.ledger.findOneBy({ id: String(id) });
    if (!row) throw new NotFoundError('投递记录', id);
    if (row.status !== 'failed')
      throw new AppError('CONFLICT', `投递记录 ${id} 当前状态为 ${row.status}，只有失败的投递可以重试`, {
        status: row.status,
      });
    await this.ledger.update({ id: row.id }, { status: 'pending' });
    const data = row.job as unknown as DeliveryJobData;
    const queue = this.queues.queue(data.channel);
    const job = await queue.getJob(row.deliveryKey);
    if (job && (await job.getState()) === 'failed') await job.retry('failed', { resetAttemptsMade: true });
    // Trimmed or never queued: the row holds the job data to queue it again under the same id.
    else if (!job) await queue.add(data.event, data, this.queues.jobOptions(row.deliveryKey));
    await this.audit.record({
      actor: by?.actor ?? null,
      action: 'notification.delivery.retry',
      entityType: 'notification_delivery',
      entityId: row.id,
      ip: by?.ip,
      payload: { deliveryKey: row.deliveryKey, channel: data.channel },
    });
    return toFailure({ ...row, status: 'pending' });
  }

  async retryRequest(jobId: string, by?: AuditContext): Promise<FailedRequest> {
    const job = await this.requests.getJob(jobId);
    if (!job) throw new NotFoundError('通知请求', jobId);
    if ((await job.getState()) !== 'failed')
      throw new AppError('CONFLICT', `通知请求 ${jobId} 未处于失败状态`);
    await job.retry('failed', { resetAttemptsMade: true });
    await this.audit.record({
      actor: by?.actor ?? null,
      action: 'notification.request.retry',
      entityType: 'notification_request',
      entityId: jobId,
      ip: by?.ip,
      payload: { event: job.data.event, rectificationId: job.data.rectificationId },
    });
    return {
      jobId,
      event: job.data.event,
      rectificationId: job.data.rectificationId,
      attemptsMade: 0,
      failedReason: job.failedReason,
      failedAt: null,
    };
  }
}

function toFailure(r: NotificationDeliveryEntity): FailedDelivery {
  return {
    id: Number(r.id),
    deliveryKey: r.deliveryKey,
    notificationKey: r.notificationKey,
    event: r.event,
    level: r.level,
    channel: r.channel,
    recipientLabel: r.recipientLabel,
    recipientUserId: r.recipientUserId,
    recipientUnitId: r.recipientUnitId,
    target: r.target,
    rectificationId: r.rectificationId,
    attempts: r.attempts,
    lastError: r.lastError,
    createdAt: r.createdAt.toISOString(),
    failedAt: r.updatedAt.toISOString(),
  };
}
