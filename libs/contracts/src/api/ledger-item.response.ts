import type {
  EscalationLevel,
  RectificationStatus,
  RectificationType,
  ReviewResult,
} from '../rectification/rectification.types';

/** One row of GET /rectifications (整改台账). */
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
  /** ISO 8601 */
  closedAt: string | null;
  /** ISO 8601 */
  updatedAt: string;
  /** 屡查屡犯 */
  repeatFinding: boolean;
  links: { self: string; evaluation: string; evidence: string };
}
