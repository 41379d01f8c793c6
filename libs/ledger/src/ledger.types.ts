import type {
  EscalationLevel,
  RectificationStatus,
  RectificationType,
  ReviewResult,
} from '@rectiflow/contracts';

/** One ledger row as MySQL returns it (selectLedgerColumns). */
export interface LedgerRaw {
  id: string;
  evaluationId: string;
  evaluationTitle: string | null;
  projectName: string | null;
  /** DECIMAL: mysql2 hands it over as text */
  score: string | number | null;
  grade: string | null;
  findingSeq: number;
  findingTitle: string;
  status: RectificationStatus;
  type: RectificationType;
  unitId: number;
  unitName: string | null;
  responsiblePerson: string | null;
  originalDeadline: string;
  currentDeadline: string;
  extensionCount: number;
  overdue: number | boolean;
  escalationLevel: number;
  maxEscalationLevel: number;
  deadlineProvisional: number | boolean;
  reboundOf?: string | null;
  evidenceCount: number;
  lastReviewResult: ReviewResult | null;
  closedAt: Date | null;
  cancelledAt: Date | null;
  updatedAt: Date;
  /** 屡查屡犯: the finding repeats an earlier one of the same unit (finding.repeatOf) */
  repeatFinding?: number | boolean | null;
}

/** One row of GET /rectifications. */
export interface LedgerItem {
  id: string;
  evaluation: {
    id: string;
    title: string | null;
    projectName: string | null;
    score: number | null;
    grade: string | null;
  };
  findingSeq: number;
  findingTitle: string;
  status: RectificationStatus;
  statusLabel: string;
  type: RectificationType;
  typeLabel: string;
  unit: { id: number; name: string | null };
  responsiblePerson: string | null;
  originalDeadline: string;
  currentDeadline: string;
  extensionCount: number;
  overdue: boolean;
  overdueDays: number;
  escalationLevel: EscalationLevel;
  escalationLabel: string;
  /** The highest rung ever reached (an approved extension restarts the current one). */
  maxEscalationLevel: EscalationLevel;
  maxEscalationLabel: string;
  /** The current deadline may move once its year's 放假/调休 arrangement is loaded. */
  deadlineProvisional: boolean;
  /** 回头看 反弹: the closed item this one reopens, else null. */
  reboundOf: string | null;
  evidenceCount: number;
  lastReviewResult: ReviewResult | null;
  lastReviewLabel: string | null;
  closedAt: string | null;
  updatedAt: string;
  /** 屡查屡犯 */
  repeatFinding: boolean;
  links: { self: string; evaluation: string; evidence: string };
}

export interface LedgerPage {
  items: LedgerItem[];
  /** exact up to LEDGER_COUNT_LIMIT; above it, that limit with totalIsEstimate (shown as "10000+") */
  total: number;
  totalIsEstimate: boolean;
  page: number;
  pageSize: number;
}
