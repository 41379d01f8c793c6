import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { AppConfig } from '@rectiflow/config';
import { NotificationRequest, QUEUES } from '@rectiflow/contracts';

/** BullMQ rejects ':' in custom job ids; the workflow's keys are otherwise kept verbatim. */
export const notificationJobId = (key: string): string => key.replace(/:/g, '_');

/**
 * Puts a workflow's notification request on the queue. The job id is derived from the request key, so a
 * retried activity (or a double call) adds the job once; BullMQ ignores an add with an existing id.
 */
@Injectable()
export class NotificationRequestService {
  constructor(
    @InjectQueue(QUEUES.notifications) private readonly queue: Queue<NotificationRequest>,
    private readonly config: AppConfig,
  ) {}

  async enqueue(request: NotificationRequest): Promise<{ jobId: string }> {
    const jobId = notificationJobId(request.key);
    await this.queue.add(request.event, this.dated(request), { jobId });
    return { jobId };
  }

  /** Several requests in one round trip to Redis; each job keeps its deterministic id. */
  async enqueueAll(requests: NotificationRequest[]): Promise<void> {
    if (requests.length === 1) await this.enqueue(requests[0]);
    else if (requests.length > 1)
      await this.queue.addBulk(
        requests.map((r) => ({
          name: r.event,
          data: this.dated(r),
          opts: { jobId: notificationJobId(r.key) },
        })),
      );
  }

  /**
   * The workflow cites earlier rungs by instant (it knows no time zone); receivers read them as the bureau's
   * calendar days, so each gets its `date` (YYYY-MM-DD in TIMEZONE) here, once, for every channel.
   */
  private dated(request: NotificationRequest): NotificationRequest {
    const rungs = request.payload?.previousRungs;
    if (!Array.isArray(rungs)) return request;
    const day = new Intl.DateTimeFormat('en-CA', {
      timeZone: this.config.notifications.timezone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    const previousRungs = (rungs as { at?: string }[]).map((r) =>
      r && typeof r.at === 'string' ? { ...r, date: day.format(new Date(r.at)) } : r,
    );
    return { ...request, payload: { ...request.payload, previousRungs } };
  }
}
