import type { RecheckOutcome } from '@rectiflow/contracts';

/** One 回头看 task as the API shows it (CONTRACTS "documents"). */
export interface RecheckView {
  id: number;
  rectificationId: string;
  evaluationId: string;
  findingTitle: string;
  unitId: number;
  dueAt: string;
  status: 'due' | 'done';
  outcome: RecheckOutcome | null;
  outcomeLabel: string | null;
  note: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
  /** 反弹: the new rectification that reopens the finding. */
  reboundRectificationId: string | null;
}

export interface RecheckDecisionInput {
  outcome: RecheckOutcome;
  note: string;
  /** 反弹 only: the new item's deadline (YYYY-MM-DD); without it the type's default rule from today. */
  deadline?: string;
}
