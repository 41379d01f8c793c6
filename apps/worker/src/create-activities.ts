import { createNotificationActivities, NotificationActivityDeps } from '@rectiflow/notifications';
import { createRectificationActivities, RectificationActivityDeps } from '@rectiflow/rectification';
import { createProbeActivities, ProbeService } from '@rectiflow/system';

/** Everything the activities need, injected by Nest; the activities themselves are plain functions. */
export interface ActivityDeps extends RectificationActivityDeps, NotificationActivityDeps {
  probes: ProbeService;
}

export function createActivities(deps: ActivityDeps) {
  return {
    ...createProbeActivities(deps),
    ...createRectificationActivities(deps),
    ...createNotificationActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
