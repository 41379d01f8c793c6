import type { RectificationStepName, StepCommand } from './rectification.commands';
import {
  currentDeadline,
  NotificationIntent,
  pendingExtension,
  record,
  Transition,
} from './rectification-transition';
import type { RectificationState } from './rectification.types';

/**
 * What each step does to the state (in place): the timeline event and the notifications. Run only after the
 * step's rules passed (the Update validator). Pure apart from mutating `state`; `now` comes from the workflow.
 */
export type StepEffect<K extends RectificationStepName> = (
  state: RectificationState,
  cmd: StepCommand<K>,
  now: string,
) => Transition;

const addSeconds = (iso: string, seconds: number): string =>
  new Date(Date.parse(iso) + seconds * 1000).toISOString();

function done(
  state: RectificationState,
  name: RectificationStepName,
  cmd: { actor: RectificationState['issuedBy'] },
  now: string,
  payload: Record<string, unknown>,
  ...notifications: NotificationIntent[]
): Transition {
  return { event: record(state, name, cmd.actor, now, payload), notifications };
}

function decidePlan(approved: boolean): StepEffect<'approvePlan' | 'returnPlan'> {
  return (state, cmd, now) => {
    const plan = state.plans[state.plans.length - 1];
    plan.decision = { approved, comment: cmd.comment, by: cmd.actor, at: now };
    state.status = approved ? 'in_progress' : 'acknowledged';
    return done(
      state,
      approved ? 'approvePlan' : 'returnPlan',
      cmd,
      now,
      { planVersion: plan.version, comment: plan.decision.comment ?? null },
      {
        event: approved ? 'plan_approved' : 'plan_returned',
        payload: { comment: plan.decision.comment ?? '' },
      },
    );
  };
}

export const STEP_EFFECTS: { [K in RectificationStepName]: StepEffect<K> } = {
  acknowledge(state, cmd, now) {
    state.status = 'acknowledged';
    state.acknowledgedAt = now;
    return done(state, 'acknowledge', cmd, now, { comment: cmd.comment ?? null });
  },
  submitPlan(state, p, now) {
    state.plans.push({
      version: state.plans.length + 1,
      measures: p.measures.map((m) => ({ ...m })),
      responsiblePerson: p.responsiblePerson,
      contact: p.contact,
      submittedBy: p.actor,
      submittedAt: now,
    });
    const summary = { planVersion: state.plans.length, measures: p.measures.length };
    if (state.policy.requirePlanApproval) {
      state.status = 'plan_submitted';
      return done(state, 'submitPlan', p, now, summary, { event: 'plan_submitted' });
    }
    state.status = 'in_progress';
    return done(state, 'submitPlan', p, now, { ...summary, approvalRequired: false });
  },
  approvePlan: decidePlan(true),
  returnPlan: decidePlan(false),
  addEvidence(state, e, now) {
    const id = state.evidence.length + 1;
    state.evidence.push({
      id,
      files: e.files,
      description: e.description,
      effectiveDate: e.effectiveDate,
      addedBy: e.actor,
      addedAt: now,
    });
    return done(state, 'addEvidence', e, now, {
      evidenceId: id,
      files: e.files.map((f) => ({ fileId: f.fileId, name: f.name, sha256: f.sha256 })),
      effectiveDate: e.effectiveDate,
    });
  },
  submit(state, cmd, now) {
    const id = state.submissions.length + 1;
    state.submissions.push({ id, account: cmd.account, by: cmd.actor, at: now });
    state.status = 'submitted';
    return done(state, 'submit', cmd, now, { submissionId: id }, { event: 'submitted' });
  },
  review(state, r, now) {
    const submission = state.submissions[state.submissions.length - 1];
    const id = state.reviews.length + 1;
    state.reviews.push({
      id,
      submissionId: submission.id,
      result: r.result,
      comment: r.comment,
      by: r.actor,
      at: now,
    });
    const payload = { reviewId: id, result: r.result, comment: r.comment };
    if (r.result === 'rectified') {
      state.status = 'closed';
      state.closedAt = now;
      state.nextProgressReportDue = null;
      return done(state, 'review', r, now, payload, { event: 'closed' });
    }
    if (r.result === 'ongoing') {
      state.status = 'ongoing';
      state.nextProgressReportDue = addSeconds(now, state.policy.progressReportIntervalSeconds);
      return done(state, 'review', r, now, payload, { event: 'ongoing', payload: { comment: r.comment } });
    }
    state.status = 'in_progress';
    return done(state, 'review', r, now, payload, {
      event: 'review_returned',
      payload: { comment: r.comment },
    });
  },
  reportProgress(state, cmd, now) {
    const id = state.progressReports.length + 1;
    state.progressReports.push({ id, content: cmd.content, by: cmd.actor, at: now });
    state.nextProgressReportDue = addSeconds(now, state.policy.progressReportIntervalSeconds);
    return done(state, 'reportProgress', cmd, now, { reportId: id });
  },
  requestExtension(state, r, now) {
    const previous = currentDeadline(state);
    const id = state.extensions.length + 1;
    state.extensions.push({
      id,
      reason: r.reason,
      requested: r.newDeadline,
      previous: { date: previous.date, at: previous.at },
      by: r.actor,
      at: now,
    });
    return done(
      state,
      'requestExtension',
      r,
      now,
      { extensionId: id, requested: r.newDeadline.date, previous: previous.date, reason: r.reason },
      { event: 'extension_requested' },
    );
  },
  decideExtension(state, d, now) {
    const ext = pendingExtension(state);
    if (!ext) throw new Error('没有待审批的延期申请');
    ext.decision = { approved: d.approve, comment: d.comment, by: d.actor, at: now };
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
    const deadline = currentDeadline(state).date;
    return done(
      state,
      'decideExtension',
      d,
      now,
      { extensionId: ext.id, approved: d.approve, comment: d.comment ?? null, deadline },
      { event: 'extension_decided', payload: { approved: d.approve, comment: d.comment ?? '', deadline } },
    );
  },
  reassign(state, r, now) {
    const from = state.unitId;
    state.unitId = r.unitId;
    state.assignments.push({ unitId: r.unitId, reason: r.reason, by: r.actor, at: now });
    return done(
      state,
      'reassign',
      r,
      now,
      { fromUnitId: from, toUnitId: r.unitId, reason: r.reason },
      { event: 'reassigned', payload: { fromUnitId: from } },
    );
  },
  cancel(state, r, now) {
    state.status = 'cancelled';
    state.cancelled = { reason: r.reason, by: r.actor, at: now };
    state.nextProgressReportDue = null;
    return done(
      state,
      'cancel',
      r,
      now,
      { reason: r.reason },
      { event: 'cancelled', payload: { reason: r.reason } },
    );
  },
};
