import type { ProbeActivities } from '@rectiflow/contracts';
import type { ProbeService } from './probe.service';

export function createProbeActivities(deps: { probes: ProbeService }): ProbeActivities {
  return {
    recordProbe: (input) => deps.probes.record(input),
  };
}
