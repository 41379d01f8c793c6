import type {
  EvaluationOutcomeCounts,
  EvaluationFollowUpResult,
  EvaluationPageInput,
} from './evaluation-follow-up.definitions';
import type { RectificationInput } from './rectification.definitions';
import type { EscalationLevel, RectificationState, TimelineEvent } from './rectification.types';

export const NOTIFICATION_EVENTS = [
  'issued', // 下发通知
  'deadline_reminder', // 截止提醒
  'escalation', // 逾期提醒函 / 督办通知 / 约谈通知 / 通报 by level
  'plan_submitted',
  'plan_returned', // 方案退回
  'plan_approved',
  'submitted',
  'review_returned', // 整改退回
  'ongoing',
  'extension_requested',
  'extension_decided', // 延期批复
  'closed', // 销号通知
  'reassigned',
  'cancelled',
  'milestone_due',
  'progress_report_due',
] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

/** What a workflow asks to be notified; the notifications worker resolves recipients and channels. */
export interface NotificationRequest {
  /** Deterministic: the same workflow step always yields the same key, so a retried activity enqueues once. */
  key: string;
  event: NotificationEvent;
  rectificationId: string;
  evaluationId: string;
  findingSeq: number;
  unitId: number;
  level?: EscalationLevel;
  deadlineDate: string;
  occurredAt: string;
  payload: Record<string, unknown>;
}

export interface RectificationActivities {
  /** Writes the snapshot row and appends the timeline event, in one transaction, idempotently by event seq. */
  recordRectificationEvent(input: { snapshot: RectificationState; event: TimelineEvent }): Promise<void>;
  /** Enqueues a notification job whose job id is derived from `key`. */
  enqueueNotification(request: NotificationRequest): Promise<{ jobId: string }>;
  /**
   * recordRectificationEvent then enqueueNotification for each request, in one activity: one server round trip
   * per transition instead of 1 + n. Both halves are idempotent, so a retry after a partial run is harmless.
   */
  recordRectificationTransition(input: {
    snapshot: RectificationState;
    event: TimelineEvent;
    notifications: NotificationRequest[];
  }): Promise<void>;
}

export interface EvaluationFollowUpActivities {
  /** The items of one page of an evaluation issued by reference, in finding order. */
  loadIssuePage(input: EvaluationPageInput): Promise<Omit<RectificationInput, 'resume'>[]>;
  markEvaluationIssued(input: {
    evaluationId: string;
    workflowId: string;
    issuedAt: string;
    total: number;
  }): Promise<void>;
  finishEvaluation(input: {
    evaluationId: string;
    finishedAt: string;
    counts: EvaluationOutcomeCounts;
    result: EvaluationFollowUpResult;
  }): Promise<void>;
}
