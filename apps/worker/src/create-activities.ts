import type { RecheckActivityService } from '@rectiflow/documents';
import { createNotificationActivities, NotificationActivityDeps } from '@rectiflow/notifications';
import { createRectificationActivities, RectificationActivityDeps } from '@rectiflow/rectification';
import { createProbeActivities, ProbeService } from '@rectiflow/system';

/** Everything the activities need, injected by Nest; the activities themselves are plain functions. */
export interface ActivityDeps extends RectificationActivityDeps, NotificationActivityDeps {
  probes: ProbeService;
  rechecks: RecheckActivityService;
}

export function createActivities(deps: ActivityDeps) {
  return {
    ...createProbeActivities(deps),
    ...createRectificationActivities(deps),
    ...createNotificationActivities(deps),
    openRecheck: (input: Parameters<RecheckActivityService['openRecheck']>[0]) =>
      deps.rechecks.openRecheck(input),
    recordRecheckDecision: (input: Parameters<RecheckActivityService['recordRecheckDecision']>[0]) =>
      deps.rechecks.recordRecheckDecision(input),
  };
}

export type Activities = ReturnType<typeof createActivities>;
