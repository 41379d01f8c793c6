import type { NotificationDigestActivities } from '@rectiflow/contracts';
import type { DailyDigestService } from './digest/daily-digest.service';

export interface NotificationActivityDeps {
  digests: DailyDigestService;
}

export function createNotificationActivities(deps: NotificationActivityDeps): NotificationDigestActivities {
  return {
    sendDailyDigest: ({ asOf }) => deps.digests.send(new Date(asOf)),
  };
}
