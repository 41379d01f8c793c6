import type { Page } from './page.response';

/** A notification that could not be delivered on one channel (GET /admin/notification-failures); times ISO 8601. */
export interface FailedDelivery {
  id: number;
  deliveryKey: string;
  notificationKey: string;
  event: string;
  level: number | null;
  channel: string;
  recipientLabel: string;
  recipientUserId: number | null;
  recipientUnitId: number | null;
  target: string;
  rectificationId: string | null;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  failedAt: string;
}

/** A workflow's request that could not even be fanned out (e.g. MySQL away longer than its retries). */
export interface FailedRequest {
  jobId: string;
  event: string;
  rectificationId: string;
  attemptsMade: number;
  failedReason: string;
  /** ISO 8601; null once retried */
  failedAt: string | null;
}

/** GET /admin/notification-failures: a page of failed deliveries, and the failed requests beside them. */
export interface FailurePage extends Page<FailedDelivery> {
  failedRequests: FailedRequest[];
}
