import type {
  RectificationCommandName,
  RectificationCommands,
} from '../../../libs/contracts/src/rectification/rectification.commands';
import type { RectificationInput } from '../../../libs/contracts/src/rectification/rectification.definitions';
import type { NotificationEvent } from '../../../libs/contracts/src/rectification/rectification.activities';
import type {
  Actor,
  EscalationLevel,
  RectificationState,
  TimelineEvent,
} from '../../../libs/contracts/src/rectification/rectification.types';
import { checkCommand, currentDeadline, pendingExtension } from './rectification-rules';

/** A notification the workflow asks for; the workflow turns it into a NotificationRequest with a stable key. */
export interface NotificationIntent {
  event: NotificationEvent;
  level?: EscalationLevel;
  payload?: Record<string, unknown>;
}

export interface Transition {
  event: TimelineEvent;
  notifications: NotificationIntent[];
}

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

/** Appends the next timeline event; seq numbers are dense and start at 1, the idempotency key downstream. */
export function record(
  state: RectificationState,
  action: string,
  actor: Actor | null,
  at: string,
  payload: Record<string, unknown>,
): TimelineEvent {
  state.eventSeq += 1;
  return { seq: state.eventSeq, action, actor, at, payload };
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

const addSeconds = (iso: string, seconds: number): string =>
  new Date(Date.parse(iso) + seconds * 1000).toISOString();

/**
 * Applies a validated command to the state (in place) and says what to record and whom to notify.
 * Throws when the command is not allowed now — the validator normally rejects it first.
 */
export function applyCommand<K extends RectificationCommandName>(
  state: RectificationState,
  name: K,
  cmd: RectificationCommands[K],
  now: string,
): Transition {
  const reason = checkCommand(state, name, cmd);
  if (reason) throw new Error(reason);
  const actor = cmd.actor;
  const c = cmd as RectificationCommands[RectificationCommandName];
  const done = (payload: Record<string, unknown>, ...notifications: NotificationIntent[]): Transition => ({
    event: record(state, name, actor, now, payload),
    notifications,
  });

  switch (name) {
    case 'acknowledge': {
      state.status = 'acknowledged';
      state.acknowledgedAt = now;
      return done({ comment: (c as RectificationCommands['acknowledge']).comment ?? null });
    }
    case 'submitPlan': {
      const p = c as RectificationCommands['submitPlan'];
      state.plans.push({
        version: state.plans.length + 1,
        measures: p.measures.map((m) => ({ ...m })),
        responsiblePerson: p.responsiblePerson,
        contact: p.contact,
        submittedBy: actor,
        submittedAt: now,
      });
      if (state.policy.requirePlanApproval) {
        state.status = 'plan_submitted';
        return done(
          { planVersion: state.plans.length, measures: p.measures.length },
          { event: 'plan_submitted' },
        );
      }
      state.status = 'in_progress';
      return done({ planVersion: state.plans.length, measures: p.measures.length, approvalRequired: false });
    }
    case 'approvePlan':
    case 'returnPlan': {
      const approved = name === 'approvePlan';
      const plan = state.plans[state.plans.length - 1];
      plan.decision = {
        approved,
        comment: (c as RectificationCommands['approvePlan']).comment,
        by: actor,
        at: now,
      };
      state.status = approved ? 'in_progress' : 'acknowledged';
      return done(
        { planVersion: plan.version, comment: plan.decision.comment ?? null },
        {
          event: approved ? 'plan_approved' : 'plan_returned',
          payload: { comment: plan.decision.comment ?? '' },
        },
      );
    }
    case 'addEvidence': {
      const e = c as RectificationCommands['addEvidence'];
      const id = state.evidence.length + 1;
      state.evidence.push({
        id,
        files: e.files,
        description: e.description,
        effectiveDate: e.effectiveDate,
        addedBy: actor,
        addedAt: now,
      });
      return done({
        evidenceId: id,
        files: e.files.map((f) => ({ fileId: f.fileId, name: f.name, sha256: f.sha256 })),
        effectiveDate: e.effectiveDate,
      });
    }
    case 'submit': {
      const id = state.submissions.length + 1;
      state.submissions.push({
        id,
        account: (c as RectificationCommands['submit']).account,
        by: actor,
        at: now,
      });
      state.status = 'submitted';
      return done({ submissionId: id }, { event: 'submitted' });
    }
    case 'review': {
      const r = c as RectificationCommands['review'];
      const submission = state.submissions[state.submissions.length - 1];
      const id = state.reviews.length + 1;
      state.reviews.push({
        id,
        submissionId: submission.id,
        result: r.result,
        comment: r.comment,
        by: actor,
        at: now,
      });
      if (r.result === 'rectified') {
        state.status = 'closed';
        state.closedAt = now;
        state.nextProgressReportDue = null;
        return done({ reviewId: id, result: r.result, comment: r.comment }, { event: 'closed' });
      }
      if (r.result === 'ongoing') {
        state.status = 'ongoing';
        state.nextProgressReportDue = addSeconds(now, state.policy.progressReportIntervalSeconds);
        return done(
          { reviewId: id, result: r.result, comment: r.comment },
          { event: 'ongoing', payload: { comment: r.comment } },
        );
      }
      state.status = 'in_progress';
      return done(
        { reviewId: id, result: r.result, comment: r.comment },
        { event: 'review_returned', payload: { comment: r.comment } },
      );
    }
    case 'reportProgress': {
      const id = state.progressReports.length + 1;
      state.progressReports.push({
        id,
        content: (c as RectificationCommands['reportProgress']).content,
        by: actor,
        at: now,
      });
      state.nextProgressReportDue = addSeconds(now, state.policy.progressReportIntervalSeconds);
      return done({ reportId: id });
    }
    case 'requestExtension': {
      const r = c as RectificationCommands['requestExtension'];
      const previous = currentDeadline(state);
      const id = state.extensions.length + 1;
      state.extensions.push({
        id,
        reason: r.reason,
        requested: r.newDeadline,
        previous: { date: previous.date, at: previous.at },
        by: actor,
        at: now,
      });
      return done(
        { extensionId: id, requested: r.newDeadline.date, previous: previous.date, reason: r.reason },
        { event: 'extension_requested' },
      );
    }
    case 'decideExtension': {
      const d = c as RectificationCommands['decideExtension'];
      const ext = pendingExtension(state)!;
      ext.decision = { approved: d.approve, comment: d.comment, by: actor, at: now };
      if (d.approve) {
        // A new deadline version: every pending reminder and the escalation ladder are recomputed from it.
        state.deadlines.push({
          ...ext.requested,
          version: state.deadlines.length + 1,
          setAt: now,
          reason: 'extension',
          extensionId: ext.id,
        });
        state.overdue = false;
        state.escalationLevel = 0;
      }
      return done(
        {
          extensionId: ext.id,
          approved: d.approve,
          comment: d.comment ?? null,
          deadline: currentDeadline(state).date,
        },
        {
          event: 'extension_decided',
          payload: { approved: d.approve, comment: d.comment ?? '', deadline: currentDeadline(state).date },
        },
      );
    }
    case 'reassign': {
      const r = c as RectificationCommands['reassign'];
      const from = state.unitId;
      state.unitId = r.unitId;
      state.assignments.push({ unitId: r.unitId, reason: r.reason, by: actor, at: now });
      return done(
        { fromUnitId: from, toUnitId: r.unitId, reason: r.reason },
        { event: 'reassigned', payload: { fromUnitId: from } },
      );
    }
    case 'cancel': {
      const r = c as RectificationCommands['cancel'];
      state.status = 'cancelled';
      state.cancelled = { reason: r.reason, by: actor, at: now };
      state.nextProgressReportDue = null;
      return done({ reason: r.reason }, { event: 'cancelled', payload: { reason: r.reason } });
    }
    default:
      throw new Error(`unknown command ${String(name)}`);
  }
}
