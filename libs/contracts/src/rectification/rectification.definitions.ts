import type { UpdateDefinition } from '@temporalio/common';
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { RectificationCommandName, StepCommand } from './rectification.commands';
import type {
  RectificationOutcome,
  RectificationPolicy,
  RectificationState,
  RectificationType,
  Actor,
  Deadline,
} from './rectification.types';

export const RECTIFICATION_WORKFLOW_TYPE = 'rectificationWorkflow';
export const rectificationWorkflowId = (evaluationId: string, findingSeq: number): string =>
  `rectification-${evaluationId}-${findingSeq}`;

export interface RectificationInput {
  rectificationId: string;
  evaluationId: string;
  findingSeq: number;
  findingTitle: string;
  unitId: number;
  type: RectificationType;
  deadline: Deadline;
  deliveryDate: string;
  policy: RectificationPolicy;
  issuedBy: Actor;
  /**
   * Runs started with it write each transition in one activity (projection + notifications) and upsert search
   * attributes only when they change. An input flag rather than patched(): SDK 1.24 records every patch with an
   * extra TemporalChangeVersion upsert, one more event and visibility write per item on the fan-out's hot path.
   * Runs started without it (before issuing by reference) keep the commands they were recorded with.
   */
  leanCommit?: boolean;
  /**
   * With `leanCommit`: that one activity runs as a local activity in the worker holding the workflow task, so a
   * step's Update completes in one workflow task (no activity task dispatched and completed through the server).
   * An input flag for the same reason as `leanCommit`; runs started without it keep their regular activity.
   */
  localCommit?: boolean;
  /**
   * The next reminder or rung's timer is kept across steps that do not move it, instead of being cancelled and
   * started again on every change. Input flag like the two above; runs without it keep their timer commands.
   */
  steadyTimer?: boolean;
  /** Set by continue-as-new: the state carried over from the previous run. */
  resume?: RectificationState;
}

/** The run flags every item starts with today (issuing, 反弹); runs started earlier keep the flags they had. */
export const CURRENT_RUN_FLAGS = {
  leanCommit: true,
  localCommit: true,
  steadyTimer: true,
} as const satisfies Partial<RectificationInput>;

/** One Update per command; each answers with the full new state. */
export type RectificationUpdate<K extends RectificationCommandName> = UpdateDefinition<
  RectificationState,
  [StepCommand<K>],
  K
>;
export const rectificationUpdates: { [K in RectificationCommandName]: RectificationUpdate<K> } = {
  acknowledge: defineUpdate('acknowledge'),
  submitPlan: defineUpdate('submitPlan'),
  approvePlan: defineUpdate('approvePlan'),
  returnPlan: defineUpdate('returnPlan'),
  addEvidence: defineUpdate('addEvidence'),
  submit: defineUpdate('submit'),
  review: defineUpdate('review'),
  reportProgress: defineUpdate('reportProgress'),
  requestExtension: defineUpdate('requestExtension'),
  decideExtension: defineUpdate('decideExtension'),
  reassign: defineUpdate('reassign'),
  cancel: defineUpdate('cancel'),
};

/**
 * A year's 放假/调休 arrangement was loaded: the provisional deadline is recomputed and every pending timer
 * follows it. Not a person's step — sent by the calendar service — so it is not in the step catalog.
 */
export interface RecalendarDeadlineCommand {
  deadline: Deadline;
  /** The year whose loading moved it, for the timeline. */
  year: number;
}
export const recalendarDeadlineUpdate = defineUpdate<RectificationState, [RecalendarDeadlineCommand]>(
  'recalendarDeadline',
);

export const rectificationStateQuery = defineQuery<RectificationState>('state');

export type RectificationResult = RectificationOutcome;
