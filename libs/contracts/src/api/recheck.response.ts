import type { RecheckOutcome } from '../rectification/rectification-labels';

/** One 回头看 task as GET /rechecks answers it. */
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
