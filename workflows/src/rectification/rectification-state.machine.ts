import type {
  RectificationStepName,
  StepCommand,
} from '../../../libs/contracts/src/rectification/rectification.commands';
import type { RectificationInput } from '../../../libs/contracts/src/rectification/rectification.definitions';
import type { RectificationState } from '../../../libs/contracts/src/rectification/rectification.types';
import {
  currentDeadline,
  record,
  Transition,
} from '../../../libs/contracts/src/rectification/rectification-transition';
import { applyStep } from '../../../libs/contracts/src/rectification/step-catalog';
import { checkCommand } from './rectification-rules';

export { record } from '../../../libs/contracts/src/rectification/rectification-transition';
export type {
  NotificationIntent,
  Transition,
} from '../../../libs/contracts/src/rectification/rectification-transition';

export function initialState(input: RectificationInput, now: string): RectificationState {
  return {
    id: input.rectificationId,
    evaluationId: input.evaluationId,
    findingSeq: input.findingSeq,
    findingTitle: input.findingTitle,
    status: 'issued',
    type: input.type,
    unitId: input.unitId,
    policy: input.policy,
    deliveryDate: input.deliveryDate,
    issuedAt: now,
    issuedBy: input.issuedBy,
    deadlines: [{ ...input.deadline, version: 1, setAt: now, reason: 'issued' }],
    overdue: false,
    escalationLevel: 0,
    plans: [],
    evidence: [],
    submissions: [],
    reviews: [],
    extensions: [],
    progressReports: [],
    nextProgressReportDue: null,
    escalations: [],
    reminders: [],
    assignments: [{ unitId: input.unitId, reason: '下发', by: input.issuedBy, at: now }],
    acknowledgedAt: null,
    closedAt: null,
    cancelled: null,
    eventSeq: 0,
  };
}

export function issuedTransition(state: RectificationState): Transition {
  const deadline = currentDeadline(state);
  return {
    event: record(state, 'issued', state.issuedBy, state.issuedAt, {
      unitId: state.unitId,
      type: state.type,
      deadline: deadline.date,
      deliveryDate: state.deliveryDate,
    }),
    notifications: [{ event: 'issued' }],
  };
}

/**
 * Checks and applies a command (in place): the step catalog's rules, then its effect. Throws when the command is
 * not allowed now. The workflow's handler calls applyStep directly — its validator already checked, and a
 * handler must not re-judge a replayed Update by rules that changed since it was accepted.
 */
export function applyCommand<K extends RectificationStepName>(
  state: RectificationState,
  name: K,
  cmd: StepCommand<K>,
  now: string,
): Transition {
  const reason = checkCommand(state, name, cmd);
  if (reason) throw new Error(reason);
  return applyStep(state, name, cmd, now);
}
