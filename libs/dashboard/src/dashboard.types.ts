import type { EscalationLevel, RectificationStatus } from '@rectiflow/contracts';

/** The 工作台 headline figures, over the caller's units. Each maps to a ledger filter (see the web). */
export interface DashboardSummary {
  /** items not yet 已销号 / 已撤销 */
  open: number;
  overdue: number;
  /** 方案待审 + 待认定 */
  awaitingReview: { total: number; planSubmitted: number; submitted: number };
  /** open items whose current deadline falls within today … today + 6 (bureau's calendar days) */
  dueIn7Days: number;
  closedThisMonth: number;
  /** the window the two date figures used, YYYY-MM-DD in the bureau's time zone */
  today: string;
  dueWithin: { from: string; to: string };
  month: { from: string; to: string };
}

export interface UnitCompletionRow {
  unitId: number;
  unitName: string;
  total: number;
  closed: number;
  cancelled: number;
  open: number;
  overdue: number;
  /** closed ÷ (total − cancelled), 0..1; null when nothing counts */
  completionRate: number | null;
}

export interface AgeingBucket {
  key: string;
  label: string;
  /** days overdue, inclusive; maxDays null = no upper bound */
  minDays: number;
  maxDays: number | null;
  count: number;
  /** the same bucket as a current-deadline range (what the ledger filters on) */
  deadlineFrom: string | null;
  deadlineTo: string;
}

export interface RungRow {
  level: Exclude<EscalationLevel, 0>;
  label: string;
  count: number;
}

export interface GradeRow {
  grade: string;
  count: number;
}

export interface WeeklyClosures {
  /** Monday of the week, YYYY-MM-DD in the bureau's time zone */
  weekStart: string;
  weekEnd: string;
  count: number;
}

export interface TodoItem {
  id: string;
  evaluationId: string;
  projectName: string | null;
  findingSeq: number;
  findingTitle: string;
  unitId: number;
  unitName: string | null;
  status: RectificationStatus;
  statusLabel: string;
  deadline: string;
  /** calendar days from today to the deadline; negative when overdue */
  daysLeft: number;
  overdue: boolean;
  escalationLevel: EscalationLevel;
  escalationLabel: string;
}

export const TODO_GROUPS = [
  'my_items',
  'plans_to_approve',
  'submissions_to_review',
  'extensions_to_decide',
  'escalated',
] as const;
export type TodoGroupKey = (typeof TODO_GROUPS)[number];

export interface TodoGroup {
  key: TodoGroupKey;
  label: string;
  /** every matching item; `items` holds the first TODO_PAGE of them, due soonest first */
  count: number;
  items: TodoItem[];
}

export interface TodoList {
  /** items across groups, each counted once */
  total: number;
  groups: TodoGroup[];
}
