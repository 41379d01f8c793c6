import type {
  EscalationLevel,
  RectificationState,
} from '../../../libs/contracts/src/rectification/rectification.types';
import { ESCALATION_LABELS } from '../../../libs/contracts/src/rectification/rectification.types';
import { nextRung } from '../../../libs/contracts/src/rectification/ladder-schedule';
import { currentDeadline, isFinal } from './rectification-rules';
import { NotificationIntent, record, Transition } from './rectification-state.machine';

/** The next thing that happens by itself, if nothing else happens first. */
export interface DueTimer {
  kind: 'reminder' | 'reminder_skipped' | 'overdue' | 'escalation' | 'milestone' | 'progress_report';
  at: number; // epoch ms
  key: string;
}

/**
 * Which timer rules a run follows. `rungByRung` (patch `escalation-ladder-rung-by-rung`): catch-up climbs one
 * rung at a time, each its policy gap after the one actually sent (ladder-schedule.ts), and reminders whose
 * moment passed are recorded as skipped. Without it, runs recorded before keep the old rules (replay).
 */
export interface TimerRules {
  rungByRung: boolean;
}
const LEGACY: TimerRules = { rungByRung: false };

/** Before the deadline the unit is reminded; after it the ladder climbs — only while the ball is in its court. */
const UNIT_OWES_WORK = ['issued', 'acknowledged', 'plan_submitted', 'in_progress'];

const ms = (iso: string): number => Date.parse(iso);

function reminderTimers(state: RectificationState): DueTimer[] {
  const d = currentDeadline(state);
  const fired = new Set(state.reminders.map((r) => r.key));
  return state.policy.reminderOffsetsSeconds
    .map((offset) => ({
      kind: 'reminder' as const,
      at: ms(d.at) - offset * 1000,
      key: `reminder:v${d.version}:${offset}`,
    }))
    .filter((t) => !fired.has(t.key) && t.at >= ms(d.setAt));
}

/** Reminders never sent whose moment lies before the deadline was set, or that the deadline overtook. */
function skippedReminderTimers(state: RectificationState, nowMs: number): DueTimer[] {
  const d = currentDeadline(state);
  const done = new Set(state.reminders.map((r) => r.key));
  return state.policy.reminderOffsetsSeconds
    .map((offset) => ({
      kind: 'reminder_skipped' as const,
      at: ms(d.at) - offset * 1000,
      key: `reminder:v${d.version}:${offset}`,
    }))
    .filter((t) => !done.has(t.key) && (t.at < ms(d.setAt) || nowMs >= ms(d.at)));
}

/** The rungs sent against the current deadline (an approved extension starts a new ladder). */
export function sentRungs(state: RectificationState): { level: EscalationLevel; at: string }[] {
  const version = currentDeadline(state).version;
  return state.escalations.filter((e) => e.deadlineVersion === version);
}

function rungByRungTimer(state: RectificationState, nowMs: number): DueTimer | null {
  const d = currentDeadline(state);
  const rung = nextRung(state.policy.escalationOffsetsSeconds, ms(d.at), sentRungs(state), nowMs);
  if (!rung) return null;
  return { kind: 'escalation', at: rung.at, key: `escalation:v${d.version}:${rung.level}` };
}

function escalationTimer(state: RectificationState, nowMs: number, rules: TimerRules): DueTimer | null {
  if (state.escalationLevel >= 4) return null;
  if (rules.rungByRung) return rungByRungTimer(state, nowMs);
  const d = currentDeadline(state);
  const next = (state.escalationLevel + 1) as EscalationLevel;
  return {
    kind: 'escalation',
    at: ms(d.at) + state.policy.escalationOffsetsSeconds[next - 1] * 1000,
    key: `escalation:v${d.version}:${next}`,
  };
}

function milestoneTimers(state: RectificationState): DueTimer[] {
  const plan = state.plans[state.plans.length - 1];
  if (state.status !== 'in_progress' || !plan) return [];
  const accepted = plan.decision?.at ?? plan.submittedAt;
  const fired = new Set(state.reminders.map((r) => r.key));
  return plan.measures
    .map((m, i) => ({
      kind: 'milestone' as const,
      at: ms(m.targetAt),
      key: `milestone:p${plan.version}:${i + 1}`,
    }))
    .filter((t) => !fired.has(t.key) && t.at >= ms(accepted));
}

/** The earliest pending timer, or null when the workflow only waits for people. */
export function nextTimer(
  state: RectificationState,
  nowMs: number,
  rules: TimerRules = LEGACY,
): DueTimer | null {
  if (isFinal(state.status)) return null;
  const candidates: DueTimer[] = [];
  if (UNIT_OWES_WORK.includes(state.status)) {
    const d = currentDeadline(state);
    // Once the deadline has passed a reminder is moot: the ladder takes over.
    if (nowMs < ms(d.at)) candidates.push(...reminderTimers(state));
    // ...but it is recorded as skipped, so the timeline tells why the unit was not reminded.
    if (rules.rungByRung) candidates.push(...skippedReminderTimers(state, nowMs));
    if (!state.overdue) candidates.push({ kind: 'overdue', at: ms(d.at), key: `overdue:v${d.version}` });
    else {
      const esc = escalationTimer(state, nowMs, rules);
      if (esc) candidates.push(esc);
    }
  }
  candidates.push(...milestoneTimers(state));
  if (state.status === 'ongoing' && state.nextProgressReportDue)
    candidates.push({
      kind: 'progress_report',
      at: ms(state.nextProgressReportDue),
      key: `progress:${state.nextProgressReportDue}`,
    });
  candidates.sort((a, b) => a.at - b.at);
  return candidates[0] ?? null;
}

/**
 * Fires a due timer: records it and says whom to notify. When several rungs of the ladder are due at once
 * (e.g. after the item comes back from review long past its deadline), the old rules send only the highest;
 * rung by rung sends the next one, and the next timer waits the policy's gap after it.
 */
export function fireTimer(
  state: RectificationState,
  timer: DueTimer,
  nowMs: number,
  rules: TimerRules = LEGACY,
): Transition | null {
  const now = new Date(nowMs).toISOString();
  const d = currentDeadline(state);
  const notify = (n: NotificationIntent[]) => n;
  switch (timer.kind) {
    case 'reminder': {
      const due = reminderTimers(state).filter((t) => t.at <= nowMs);
      for (const t of due)
        state.reminders.push({
          key: t.key,
          kind: 'deadline',
          offsetSeconds: Number(t.key.split(':')[2]),
          deadlineVersion: d.version,
          at: now,
        });
      const nearest = Math.min(...due.map((t) => Number(t.key.split(':')[2])));
      return {
        event: record(state, 'deadline_reminder', null, now, { deadline: d.date, secondsBefore: nearest }),
        notifications: notify([{ event: 'deadline_reminder', payload: { secondsBefore: nearest } }]),
      };
    }
    case 'reminder_skipped': {
      const offset = Number(timer.key.split(':')[2]);
      state.reminders.push({
        key: timer.key,
        kind: 'deadline',
        offsetSeconds: offset,
        deadlineVersion: d.version,
        at: now,
        skipped: true,
      });
      const plannedAt = new Date(ms(d.at) - offset * 1000).toISOString();
      return {
        event: record(state, 'reminder_skipped', null, now, {
          deadline: d.date,
          secondsBefore: offset,
          plannedAt,
          reason: ms(plannedAt) < ms(d.setAt) ? 'before_issued' : 'deadline_passed',
        }),
        notifications: [],
      };
    }
    case 'overdue':
      state.overdue = true;
      return { event: record(state, 'overdue', null, now, { deadline: d.date }), notifications: [] };
    case 'escalation': {
      if (rules.rungByRung) return climbOneRung(state, nowMs, now);
      let level = state.escalationLevel;
      const offsets: readonly number[] = state.policy.escalationOffsetsSeconds;
      while (level < 4 && ms(d.at) + (offsets[level] ?? Infinity) * 1000 <= nowMs)
        level = (level + 1) as EscalationLevel;
      if (level === state.escalationLevel) return null;
      state.escalationLevel = level;
      state.escalations.push({ level, label: ESCALATION_LABELS[level], deadlineVersion: d.version, at: now });
      return {
        event: record(state, 'escalation', null, now, {
          level,
          label: ESCALATION_LABELS[level],
          deadline: d.date,
        }),
        notifications: [{ event: 'escalation', level }],
      };
    }
    case 'milestone': {
      const plan = state.plans[state.plans.length - 1];
      const index = Number(timer.key.split(':')[2]) - 1;
      state.reminders.push({ key: timer.key, kind: 'milestone', at: now });
      const measure = plan.measures[index];
      return {
        event: record(state, 'milestone_due', null, now, {
          planVersion: plan.version,
          measure: index + 1,
          targetDate: measure.targetDate,
        }),
        notifications: [
          { event: 'milestone_due', payload: { measure: measure.content, targetDate: measure.targetDate } },
        ],
      };
    }
    case 'progress_report': {
      state.reminders.push({ key: timer.key, kind: 'progress_report', at: now });
      state.nextProgressReportDue = new Date(
        nowMs + state.policy.progressReportIntervalSeconds * 1000,
      ).toISOString();
      return {
        event: record(state, 'progress_report_due', null, now, { nextDue: state.nextProgressReportDue }),
        notifications: [{ event: 'progress_report_due' }],
      };
    }
  }
}

/** Sends the next rung if it is due, citing the rungs actually sent before it (their dates go into the notice). */
function climbOneRung(state: RectificationState, nowMs: number, now: string): Transition | null {
  const d = currentDeadline(state);
  const previous = sentRungs(state);
  const rung = nextRung(state.policy.escalationOffsetsSeconds, ms(d.at), previous, nowMs);
  if (!rung || rung.at > nowMs) return null;
  const level = rung.level;
  state.escalationLevel = level;
  state.escalations.push({ level, label: ESCALATION_LABELS[level], deadlineVersion: d.version, at: now });
  const previousRungs = previous.map((r) => ({
    level: r.level,
    label: ESCALATION_LABELS[r.level],
    at: r.at,
  }));
  return {
    event: record(state, 'escalation', null, now, {
      level,
      label: ESCALATION_LABELS[level],
      deadline: d.date,
      previousRungs,
    }),
    notifications: [
      {
        event: 'escalation',
        level,
        payload: {
          previousRungs,
          issuerUserId: state.issuedBy.userId,
          ...(state.policy.escalationAudiences?.[level]
            ? { audiences: state.policy.escalationAudiences[level] }
            : {}),
        },
      },
    ],
  };
}
