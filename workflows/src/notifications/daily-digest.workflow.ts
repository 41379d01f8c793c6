import { proxyActivities } from '@temporalio/workflow';
import type {
  DailyDigestInput,
  DailyDigestResult,
  NotificationDigestActivities,
} from '../../../libs/contracts/src/notifications/daily-digest.contract';

const { sendDailyDigest } = proxyActivities<NotificationDigestActivities>({
  startToCloseTimeout: '5 minutes',
  // No maximum attempts: a MySQL or Redis outage delays the digest, it never drops it. The activity is idempotent.
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

/**
 * Started once a day by the Temporal Schedule (see DigestScheduleService). The date is fixed here, from the
 * workflow's own clock (deterministic on replay), so a retried or late activity still sends that day's digest.
 */
export async function dailyDigestWorkflow(input: DailyDigestInput = {}): Promise<DailyDigestResult> {
  const asOf = input.asOf ?? new Date(Date.now()).toISOString();
  return sendDailyDigest({ asOf });
}
