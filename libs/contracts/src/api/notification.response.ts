import type { Page } from './page.response';

/** One in-app message of the caller's own inbox; times ISO 8601. */
export interface InAppNotification {
  id: number;
  event: string;
  /** 督办级别 1–4 (escalations only) */
  level: number | null;
  title: string;
  body: string;
  link: string | null;
  rectificationId: string | null;
  evaluationId: string | null;
  read: boolean;
  readAt: string | null;
  createdAt: string;
}

/** GET /notifications: unread first, newest first. */
export interface NotificationPage extends Page<InAppNotification> {
  /** unread messages in the whole inbox (the filter applied) */
  unread: number;
}
