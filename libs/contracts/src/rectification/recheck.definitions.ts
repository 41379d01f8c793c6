import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { RectificationInput } from './rectification.definitions';
import type { Actor, RectificationType } from './rectification.types';

/** 回头看: after 销号 the bureau re-checks that the problem has not come back (issue 12 §4). */
export const RECHECK_WORKFLOW_TYPE = 'recheckWorkflow';
export const recheckWorkflowId = (rectificationId: string): string => `recheck-${rectificationId}`;

export { RECHECK_OUTCOMES, RECHECK_OUTCOME_LABELS, RECHECK_STATUS_LABELS } from './rectification-labels';
export type { RecheckOutcome, RecheckStatus } from './rectification-labels';
import type { RecheckOutcome, RecheckStatus } from './rectification-labels';

/** 立行立改 items are corrected on the spot: they get no 回头看. */
export const hasRecheck = (type: RectificationType): boolean => type !== 'immediate';

/**
 * A 反弹 reopens the finding as round N+1 of the same (evaluation, finding): `rectification-<e>-<seq>-r<N>`.
 * Round 0 is the item issued with the evaluation.
 */
const REBOUND_SUFFIX = /-r(\d+)$/;
export const reboundRound = (rectificationId: string): number => {
  const m = REBOUND_SUFFIX.exec(rectificationId);
  return m ? Number(m[1]) : 0;
};
/** The item a reopened one reopens: round N-1 of the same finding (round 0 has no suffix); null for round 0. */
export const reboundOfId = (rectificationId: string): string | null => {
  const round = reboundRound(rectificationId);
  if (round === 0) return null;
  const base = rectificationId.replace(REBOUND_SUFFIX, '');
  return round === 1 ? base : `${base}-r${round - 1}`;
};
export const reboundRectificationId = (evaluationId: string, findingSeq: number, round: number): string =>
  `rectification-${evaluationId}-${findingSeq}-r${round}`;

/**
 * The timeline of a closed item is no longer written by its workflow; the 回头看 events take fixed sequence
 * numbers past any the item can reach, so a retried activity writes each of them once and they sort last.
 */
export const RECHECK_EVENT_SEQ = { recheck_due: 1_000_001, recheck_decided: 1_000_002 } as const;

export interface RecheckInput {
  rectificationId: string;
  evaluationId: string;
  findingSeq: number;
  findingTitle: string;
  unitId: number;
  type: RectificationType;
  closedAt: string;
  periodSeconds: number;
}

export interface RecheckDecision {
  outcome: RecheckOutcome;
  note: string;
  decidedBy: Actor;
  decidedAt: string;
  /** Only for 反弹: the new item, started as a child that outlives the 回头看. */
  rebound?: Omit<RectificationInput, 'resume'>;
}

export interface RecheckState {
  rectificationId: string;
  status: RecheckStatus;
  dueAt: string;
  decision: RecheckDecision | null;
}

export const decideRecheckUpdate = defineUpdate<RecheckState, [RecheckDecision]>('decideRecheck');
export const recheckStateQuery = defineQuery<RecheckState>('recheckState');

export interface RecheckActivities {
  openRecheck(input: { recheck: RecheckInput; dueAt: string }): Promise<void>;
  recordRecheckDecision(input: { rectificationId: string; decision: RecheckDecision }): Promise<void>;
}
