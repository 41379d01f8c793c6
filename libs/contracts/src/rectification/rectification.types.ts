// The labels moved to the one label table; re-exported so existing imports keep working.
export { ESCALATION_LABELS, REVIEW_LABELS, STATUS_LABELS, TYPE_LABELS } from './rectification-labels';

/**
 * Plain data contracts of the rectification process, shared by the workflows (bundled, deterministic), the
 * activities and the API. No runtime imports here: workflow code imports this file.
 */

export const RECTIFICATION_STATUSES = [
  'issued', // 下发, waiting for the unit to acknowledge
  'acknowledged', // 签收, waiting for the plan
  'plan_submitted', // 方案已提交, waiting for the bureau's approval
  'in_progress', // 整改中: evidence is being uploaded
  'submitted', // 已提交, waiting for the bureau's review (认定)
  'ongoing', // 持续整改: periodic progress reports until closed
  'closed', // 已销号 (final)
  'cancelled', // 已撤销 (final)
] as const;
export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number];
export const FINAL_STATUSES: readonly RectificationStatus[] = ['closed', 'cancelled'];

export const RECTIFICATION_TYPES = ['immediate', 'deadline', 'phased', 'continuous'] as const;
export type RectificationType = (typeof RECTIFICATION_TYPES)[number];

/** Escalation ladder after the deadline. Level 0 means not escalated. */
export const ESCALATION_LEVELS = [1, 2, 3, 4] as const;
export type EscalationLevel = 0 | (typeof ESCALATION_LEVELS)[number];

export const REVIEW_RESULTS = ['rectified', 'ongoing', 'not_rectified'] as const;
export type ReviewResult = (typeof REVIEW_RESULTS)[number];

/** Who did something. `null` in an event means the system (timers). */
export interface Actor {
  userId: number;
  name: string;
  role: string;
  unitId: number;
}

/**
 * Timing policy. Every duration is in SECONDS so tests can run a whole ladder in seconds; the API converts the
 * bureau's day-based policy when issuing.
 */
export interface RectificationPolicy {
  requirePlanApproval: boolean;
  /** Reminders this many seconds before the deadline. */
  reminderOffsetsSeconds: number[];
  /** 提醒函, 督办, 约谈, 通报: seconds after the deadline. */
  escalationOffsetsSeconds: [number, number, number, number];
  maxExtensions: number;
  /** 持续整改: a progress report is due every this many seconds while ongoing. */
  progressReportIntervalSeconds: number;
  /**
   * Who hears of each rung (audience names of libs/notifications' catalog); a rung not named here goes to
   * the defaults (DEFAULT_ESCALATION_AUDIENCES).
   */
  escalationAudiences?: Partial<Record<1 | 2 | 3 | 4, string[]>>;
}

/** A deadline as a calendar date (what people read) and the instant it ends (what timers use). */
export interface Deadline {
  date: string; // YYYY-MM-DD
  at: string; // ISO instant, end of that day in the bureau's time zone
  /**
   * Counted in working days into a year whose 放假/调休 arrangement was not loaded (weekends only there): it
   * moves when the year is loaded. `workingDays` is then the count from the delivery date, to recompute it.
   */
  provisional?: boolean;
  workingDays?: number;
}

export interface DeadlineVersion extends Deadline {
  version: number;
  setAt: string;
  reason: 'issued' | 'extension';
  extensionId?: number;
}

export interface PlanMeasure {
  content: string;
  targetDate: string; // YYYY-MM-DD
  targetAt: string; // ISO end of day
  responsiblePerson?: string;
}

export interface Plan {
  version: number;
  measures: PlanMeasure[];
  responsiblePerson: string;
  contact?: string;
  submittedBy: Actor;
  submittedAt: string;
  decision?: { approved: boolean; comment?: string; by: Actor; at: string };
}

export interface EvidenceFileRef {
  fileId: number;
  sha256: string;
  name: string;
  size: number;
  mimeType: string;
}

export interface EvidenceRecord {
  id: number;
  files: EvidenceFileRef[];
  description: string;
  effectiveDate: string; // the date the evidence takes effect (YYYY-MM-DD), distinct from the upload time
  addedBy: Actor;
  addedAt: string;
}

export interface Submission {
  id: number;
  account: string;
  by: Actor;
  at: string;
}

export interface Review {
  id: number;
  submissionId: number;
  result: ReviewResult;
  comment: string;
  by: Actor;
  at: string;
}

export interface ExtensionRequest {
  id: number;
  reason: string;
  requested: Deadline;
  previous: Deadline;
  by: Actor;
  at: string;
  decision?: { approved: boolean; comment?: string; by: Actor; at: string };
}

export interface ProgressReport {
  id: number;
  content: string;
  by: Actor;
  at: string;
}

export interface EscalationRecord {
  level: EscalationLevel;
  label: string;
  deadlineVersion: number;
  at: string;
}

export interface ReminderRecord {
  key: string;
  kind: 'deadline' | 'milestone' | 'progress_report';
  offsetSeconds?: number;
  deadlineVersion?: number;
  at: string;
  /** Its moment had passed (before issuing, or the deadline overtook it): recorded, never sent. */
  skipped?: boolean;
}

export interface Assignment {
  unitId: number;
  reason: string;
  by: Actor | null;
  at: string;
}

/** The full state of one rectification, held by its workflow and returned by the state query. */
export interface RectificationState {
  id: string;
  evaluationId: string;
  findingSeq: number;
  findingTitle: string;
  status: RectificationStatus;
  type: RectificationType;
  unitId: number;
  policy: RectificationPolicy;
  deliveryDate: string;
  issuedAt: string;
  issuedBy: Actor;
  deadlines: DeadlineVersion[]; // [0] is the original; the last is the current one
  overdue: boolean;
  escalationLevel: EscalationLevel;
  plans: Plan[]; // every submitted plan; the last is the current one
  evidence: EvidenceRecord[];
  submissions: Submission[];
  reviews: Review[];
  extensions: ExtensionRequest[];
  progressReports: ProgressReport[];
  nextProgressReportDue: string | null;
  escalations: EscalationRecord[];
  reminders: ReminderRecord[];
  assignments: Assignment[];
  acknowledgedAt: string | null;
  closedAt: string | null;
  cancelled: { reason: string; by: Actor; at: string } | null;
  /** Sequence number of the last timeline event; events are numbered 1, 2, 3… per rectification. */
  eventSeq: number;
}

/** One line of the append-only timeline, written to MySQL with the snapshot it produced. */
export interface TimelineEvent {
  seq: number;
  action: string;
  actor: Actor | null;
  at: string;
  payload: Record<string, unknown>;
}

export interface RectificationOutcome {
  rectificationId: string;
  findingSeq: number;
  status: RectificationStatus;
  closedAt: string | null;
  extensions: number;
  maxEscalationLevel: EscalationLevel;
}
