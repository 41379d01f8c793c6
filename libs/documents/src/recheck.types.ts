import type { RecheckOutcome } from '@rectiflow/contracts';

// The 回头看 task the web reads: declared once in libs/contracts.
export type { RecheckView } from '@rectiflow/contracts';

export interface RecheckDecisionInput {
  outcome: RecheckOutcome;
  note: string;
  /** 反弹 only: the new item's deadline (YYYY-MM-DD); without it the type's default rule from today. */
  deadline?: string;
}
