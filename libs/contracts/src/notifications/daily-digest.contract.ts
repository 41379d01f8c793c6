/**
 * The daily digest (每日整改汇总): a Temporal Schedule starts `dailyDigestWorkflow` once a day; its activity reads
 * the ledger and fans the digests out through the notification delivery queues. Plain types only: the workflow
 * bundle imports this file.
 */
export const DAILY_DIGEST_WORKFLOW_TYPE = 'dailyDigestWorkflow';

/**
 * One schedule per task queue, so deployments (and test runs) that share a Temporal namespace never fire each
 * other's digest. With the default task queue `rectiflow` this is `rectiflow-daily-digest`.
 */
export const dailyDigestScheduleId = (taskQueue: string): string => `${taskQueue}-daily-digest`;

export interface DailyDigestInput {
  /** The instant the digest is computed for (ISO). Default: when the workflow started (the scheduled time). */
  asOf?: string;
}

export interface DailyDigestResult {
  /** The digest's calendar date in the bureau's time zone; part of every digest's notification key. */
  date: string;
  reviewerDigests: number;
  departmentDigests: number;
  /** Delivery jobs enqueued now (0 when a retried activity finds them all enqueued already). */
  deliveries: number;
}

export interface NotificationDigestActivities {
  /** Idempotent per date: every digest has a key derived from the date and the recipient. */
  sendDailyDigest(input: { asOf: string }): Promise<DailyDigestResult>;
}
