import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { ProbeActivities, ProbeInput, ProbeResult } from '../../libs/contracts/src/probe.contract';

const { recordProbe } = proxyActivities<ProbeActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

export async function probeWorkflow(input: ProbeInput): Promise<ProbeResult> {
  return recordProbe({ ...input, workflowId: workflowInfo().workflowId });
}
