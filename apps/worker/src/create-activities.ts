import { createProbeActivities, ProbeService } from '@rectiflow/system';

/** Everything the activities need, injected by Nest; the activities themselves are plain functions. */
export interface ActivityDeps {
  probes: ProbeService;
}

export function createActivities(deps: ActivityDeps) {
  return {
    ...createProbeActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
