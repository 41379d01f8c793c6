import type { RectificationStatus, RectificationType, ReviewResult } from '@rectiflow/contracts';

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

// The rows and the page the list answers are the web's types too: declared once in libs/contracts.
export type { LedgerItem, LedgerPage } from '@rectiflow/contracts';
