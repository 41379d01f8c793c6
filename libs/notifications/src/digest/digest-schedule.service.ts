import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Client, ScheduleAlreadyRunning, ScheduleOverlapPolicy } from '@temporalio/client';
import { AppConfig } from '@rectiflow/config';
import { DAILY_DIGEST_WORKFLOW_TYPE, dailyDigestScheduleId } from '@rectiflow/contracts';

/**
 * Creates (or brings up to date) the Temporal Schedule that runs the daily digest at DIGEST_TIME in TIMEZONE.
 * Idempotent: every worker start creates it or rewrites its spec and action, so a changed DIGEST_TIME applies
 * after a restart and several workers agree. Off with DIGEST_SCHEDULE=false (and by default under NODE_ENV=test).
 */
@Injectable()
export class DigestScheduleService implements OnApplicationBootstrap {
  private readonly logger = new Logger(DigestScheduleService.name);

  constructor(
    private readonly config: AppConfig,
    private readonly client: Client,
  ) {}

  get scheduleId(): string {
    return dailyDigestScheduleId(this.config.temporal.taskQueue);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.notifications.digestSchedule) return;
    try {
      await this.ensure();
    } catch (err) {
      // The worker still runs without its digest; the next start tries again.
      this.logger.error({ err }, `could not create the daily digest schedule ${this.scheduleId}`);
    }
  }

  async ensure(): Promise<string> {
    const [hour, minute] = this.config.notifications.digestTime.split(':').map(Number);
    const spec = {
      cronExpressions: [`${minute} ${hour} * * *`],
      timezone: this.config.notifications.timezone,
    };
    const action = {
      type: 'startWorkflow' as const,
      workflowType: DAILY_DIGEST_WORKFLOW_TYPE,
      workflowId: this.scheduleId,
      taskQueue: this.config.temporal.taskQueue,
      args: [{}],
    };
    try {
      await this.client.schedule.create({
        scheduleId: this.scheduleId,
        spec,
        action,
        // A worker down at the digest time still sends it when back within a few hours; never two at once.
        policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '4 hours' },
      });
    } catch (err) {
      if (!(err instanceof ScheduleAlreadyRunning)) throw err;
      await this.client.schedule
        .getHandle(this.scheduleId)
        .update((previous) => ({ ...previous, spec, action }));
    }
    return this.scheduleId;
  }
}
