/** Diagnostic round trip: API → workflow → activity (MySQL row + BullMQ job) → processor. */
export const PROBE_WORKFLOW_TYPE = 'probeWorkflow';
export const probeWorkflowId = (probeId: string): string => `probe-${probeId}`;

export interface ProbeInput {
  probeId: string;
  message: string;
}

export interface ProbeResult {
  probeId: string;
  jobId: string;
}

export interface ProbeActivities {
  recordProbe(input: ProbeInput & { workflowId: string }): Promise<ProbeResult>;
}
