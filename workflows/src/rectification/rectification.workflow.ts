import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  continueAsNew,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type {
  RectificationActivities,
  NotificationRequest,
} from '../../../libs/contracts/src/rectification/rectification.activities';
import type {
  RectificationStepName,
  StepCommand,
} from '../../../libs/contracts/src/rectification/rectification.commands';
import {
  RecalendarDeadlineCommand,
  recalendarDeadlineUpdate,
  RectificationInput,
  rectificationStateQuery,
  rectificationUpdates,
} from '../../../libs/contracts/src/rectification/rectification.definitions';
import { applyStep, checkStep, STEP_NAMES } from '../../../libs/contracts/src/rectification/step-catalog';
import type {
  RectificationOutcome,
  RectificationState,
  TimelineEvent,
} from '../../../libs/contracts/src/rectification/rectification.types';
import { SEARCH_ATTRIBUTES } from '../../../libs/contracts/src/search-attributes';
import { currentDeadline, isFinal } from './rectification-rules';
import {
  initialState,
  issuedTransition,
  NotificationIntent,
  Transition,
} from './rectification-state.machine';
import { recalendarCheck, recalendarDeadline } from './rectification-recalendar';
import { fireTimer, nextTimer, TimerRules } from './rectification-timers';
import { HeldTimer } from './held-timer';

/** Catch-up climbs rung by rung and passed reminders are recorded as skipped (issue 10 §1). */
export const LADDER_RUNG_BY_RUNG_PATCH = 'escalation-ladder-rung-by-rung';
/** A loaded holiday year moves a provisional deadline and its pending timers (issue 10 §2). */
export const RECALENDAR_DEADLINE_PATCH = 'calendar-recompute-provisional-deadline';

const { recordRectificationEvent, enqueueNotification, recordRectificationTransition } =
  proxyActivities<RectificationActivities>({
    // Each call is one short transaction or one Redis write: a worker that died mid-call is noticed quickly.
    startToCloseTimeout: '10 seconds',
    // No maximum attempts: a MySQL or Redis outage delays the read model and notifications, it never loses them.
    retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
  });

// The same projection as a local activity: run by this worker inside the workflow task that applied the step, so
// a step costs one workflow task and no activity-task round trip through the server. Retried without limit like
// the above (past a minute between attempts the SDK waits on a durable timer); the snapshot it carries is not
// written into the history, only the marker of its result.
const local = proxyLocalActivities<RectificationActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

const nowIso = (): string => new Date(Date.now()).toISOString();

/**
 * One finding's rectification, from 下发 to 销号 or 撤销. Holds the state, moves only through validated Updates,
 * reminds before the deadline and climbs the escalation ladder after it with durable timers, and writes every
 * transition to the MySQL read model through an activity.
 */
export async function rectificationWorkflow(input: RectificationInput): Promise<RectificationOutcome> {
  const state: RectificationState = input.resume ?? initialState(input, nowIso());
  // Decided once per run, before anything is scheduled: a run recorded before the patch keeps the old rules.
  const rules: TimerRules = { rungByRung: patched(LADDER_RUNG_BY_RUNG_PATCH) };
  /** Bumped on every change so the timer loop recomputes what is due next. */
  let changes = 0;

  const commit = async (t: Transition): Promise<void> => {
    changes += 1;
    const snapshot = JSON.parse(JSON.stringify(state)) as RectificationState;
    const notifications = t.notifications.map((intent) => notificationRequest(state, t.event, intent));
    // One activity per transition, and no upsert of search attributes that already hold these values (the
    // first transition's are set at start): fewer server round trips per item and per step.
    if (input.leanCommit) {
      publishSearchAttributes(state, true);
      const record = input.localCommit ? local.recordRectificationTransition : recordRectificationTransition;
      await record({ snapshot, event: t.event, notifications });
      return;
    }
    publishSearchAttributes(state, false);
    await recordRectificationEvent({ snapshot, event: t.event });
    for (const request of notifications) await enqueueNotification(request);
  };

  // Numbered before any handler exists: an Update delivered together with the start runs as soon as its handler
  // is registered, and must come after 下发 in the timeline.
  const issued = input.resume ? null : issuedTransition(state);

  // One Update per catalog step. The validator judges (the catalog's rules); the handler only applies — a
  // replayed Update was judged when it was accepted, by the rules of that time.
  const handle =
    <K extends RectificationStepName>(name: K) =>
    async (cmd: StepCommand<K>): Promise<RectificationState> => {
      await commit(applyStep(state, name, cmd, nowIso()));
      return state;
    };
  const guard = <K extends RectificationStepName>(name: K) => ({
    validator: (cmd: StepCommand<K>): void => {
      const reason = checkStep(state, name, cmd);
      if (reason) throw ApplicationFailure.nonRetryable(reason, 'TransitionNotAllowed');
    },
  });
  // Keyed by step, so the compiler ties each Update to its payload type and insists on every step; registered
  // in the catalog's order (unchanged since the committed histories were recorded).
  const register: { [K in RectificationStepName]: () => void } = {
    acknowledge: () =>
      setHandler(rectificationUpdates.acknowledge, handle('acknowledge'), guard('acknowledge')),
    submitPlan: () => setHandler(rectificationUpdates.submitPlan, handle('submitPlan'), guard('submitPlan')),
    approvePlan: () =>
      setHandler(rectificationUpdates.approvePlan, handle('approvePlan'), guard('approvePlan')),
    returnPlan: () => setHandler(rectificationUpdates.returnPlan, handle('returnPlan'), guard('returnPlan')),
    addEvidence: () =>
      setHandler(rectificationUpdates.addEvidence, handle('addEvidence'), guard('addEvidence')),
    submit: () => setHandler(rectificationUpdates.submit, handle('submit'), guard('submit')),
    review: () => setHandler(rectificationUpdates.review, handle('review'), guard('review')),
    reportProgress: () =>
      setHandler(rectificationUpdates.reportProgress, handle('reportProgress'), guard('reportProgress')),
    requestExtension: () =>
      setHandler(
        rectificationUpdates.requestExtension,
        handle('requestExtension'),
        guard('requestExtension'),
      ),
    decideExtension: () =>
      setHandler(rectificationUpdates.decideExtension, handle('decideExtension'), guard('decideExtension')),
    reassign: () => setHandler(rectificationUpdates.reassign, handle('reassign'), guard('reassign')),
    cancel: () => setHandler(rectificationUpdates.cancel, handle('cancel'), guard('cancel')),
  };
  for (const name of STEP_NAMES) register[name]();
  setHandler(
    recalendarDeadlineUpdate,
    async (cmd: RecalendarDeadlineCommand): Promise<RectificationState> => {
      // Marks the histories that carry this Update; the handler only ever runs in runs that received one.
      patched(RECALENDAR_DEADLINE_PATCH);
      await commit(recalendarDeadline(state, cmd, nowIso()));
      return state;
    },
    {
      validator: (cmd: RecalendarDeadlineCommand): void => {
        const reason = recalendarCheck(state, cmd);
        if (reason) throw ApplicationFailure.nonRetryable(reason, 'TransitionNotAllowed');
      },
    },
  );
  setHandler(rectificationStateQuery, () => state);

  if (issued) await commit(issued);

  const held = new HeldTimer();
  while (!isFinal(state.status)) {
    const seen = changes;
    const timer = nextTimer(state, Date.now(), rules);
    if (timer) {
      let changed: boolean;
      if (input.steadyTimer) {
        await Promise.race([held.arm(timer.key, timer.at), condition(() => changes !== seen)]);
        changed = changes !== seen;
        if (!changed) held.forget();
      } else changed = await condition(() => changes !== seen, Math.max(1, timer.at - Date.now()));
      if (!changed && !isFinal(state.status)) {
        const fired = fireTimer(state, timer, Date.now(), rules);
        if (fired) await commit(fired);
      }
    } else {
      held.drop();
      await condition(() => changes !== seen);
    }
    if (workflowInfo().continueAsNewSuggested && !isFinal(state.status)) {
      // Long-lived items (持续整改) can outgrow one history; carry the state into a fresh run.
      await condition(allHandlersFinished);
      await continueAsNew<typeof rectificationWorkflow>({ ...input, resume: state });
    }
  }
  await condition(allHandlersFinished);
  return {
    rectificationId: state.id,
    findingSeq: state.findingSeq,
    status: state.status,
    closedAt: state.closedAt,
    extensions: state.extensions.filter((e) => e.decision?.approved).length,
    maxEscalationLevel: state.escalations.reduce(
      (m, e) => (e.level > m ? e.level : m),
      0 as RectificationOutcome['maxEscalationLevel'],
    ),
  };
}

function notificationRequest(
  state: RectificationState,
  event: TimelineEvent,
  intent: NotificationIntent,
): NotificationRequest {
  return {
    key: `${state.id}.${event.seq}.${intent.event}`,
    event: intent.event,
    rectificationId: state.id,
    evaluationId: state.evaluationId,
    findingSeq: state.findingSeq,
    unitId: state.unitId,
    level: intent.level,
    deadlineDate: currentDeadline(state).date,
    occurredAt: event.at,
    payload: {
      ...(intent.payload ?? {}),
      findingTitle: state.findingTitle,
      actor: event.actor?.name ?? '系统',
    },
  };
}

function publishSearchAttributes(state: RectificationState, onlyIfChanged: boolean): void {
  const sa = SEARCH_ATTRIBUTES;
  const values = [
    { key: sa.status, value: state.status },
    { key: sa.unitId, value: String(state.unitId) },
    { key: sa.escalationLevel, value: state.escalationLevel },
    { key: sa.deadline, value: new Date(currentDeadline(state).at) },
    { key: sa.evaluationId, value: state.evaluationId },
  ];
  if (onlyIfChanged) {
    const current = workflowInfo().typedSearchAttributes;
    const same = values.every(({ key, value }) => {
      const held = current.get(key as never) as unknown;
      return value instanceof Date
        ? held instanceof Date && held.getTime() === value.getTime()
        : held === value;
    });
    if (same) return;
  }
  upsertSearchAttributes(values as Parameters<typeof upsertSearchAttributes>[0]);
}
