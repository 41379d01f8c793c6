import type { EscalationLevel } from '../rectification/rectification.types';

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
