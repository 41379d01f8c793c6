import type { NotificationRequest, RectificationState } from '@rectiflow/contracts';
import { KIND_LABELS, escalationLabel } from '../notification-catalog';
import { chineseDate, chineseDateTime, dateInZone, excerpt, leadTime, scoreText } from './format';

/** Everything a rectification template may use. Every key is always present (strict templates). */
export interface ItemContext {
  eventLabel: string;
  levelLabel: string;
  evaluation: { title: string; projectName: string; scoreText: string };
  finding: { seq: number; title: string };
  unit: { name: string };
  previousUnit: { name: string };
  deadline: string;
  occurredAt: string;
  actor: string;
  comment: string;
  reason: string;
  approved: boolean;
  newDeadline: string;
  reminderLead: string;
  measure: string;
  targetDate: string;
  submission: { account: string };
  plan: { responsiblePerson: string; measureCount: number };
  extension: { reason: string; requested: string };
  /** The rungs actually sent before this one, as a notice cites them ("2026年12月2日发出提醒函、…督办"). */
  ladder: { hasPrevious: boolean; previous: string };
  link: string;
}

export interface ItemContextSources {
  request: NotificationRequest;
  evaluation: {
    title: string | null;
    projectName: string | null;
    score: number | null;
    grade: string | null;
  } | null;
  unitName: string;
  previousUnitName: string | null;
  /** The read model's snapshot, for details the request does not carry (extension reason, plan, account). */
  state: RectificationState | null;
  link: string;
  timeZone: string;
}

const str = (v: unknown): string => (typeof v === 'string' && v.trim() ? v.trim() : '');

export function buildItemContext(s: ItemContextSources): ItemContext {
  const p = s.request.payload ?? {};
  const plan = s.state?.plans[s.state.plans.length - 1];
  const extension = s.state?.extensions[s.state.extensions.length - 1];
  const submission = s.state?.submissions[s.state.submissions.length - 1];
  const lastAssignment = s.state?.assignments[s.state.assignments.length - 1];
  const projectName = s.evaluation?.projectName || s.evaluation?.title || '（未登记项目名称）';
  return {
    eventLabel: KIND_LABELS[s.request.event],
    levelLabel: escalationLabel(s.request.level) ?? '',
    evaluation: {
      title: s.evaluation?.title || projectName,
      projectName,
      scoreText: scoreText(s.evaluation?.score, s.evaluation?.grade),
    },
    finding: { seq: s.request.findingSeq, title: str(p.findingTitle) || s.state?.findingTitle || '—' },
    unit: { name: s.unitName },
    previousUnit: { name: s.previousUnitName ?? '—' },
    deadline: chineseDate(s.request.deadlineDate),
    occurredAt: chineseDateTime(s.request.occurredAt, s.timeZone),
    actor: str(p.actor) || '系统',
    comment: str(p.comment),
    reason: str(p.reason) || (s.request.event === 'reassigned' ? str(lastAssignment?.reason) : ''),
    approved: p.approved === true,
    newDeadline: chineseDate(str(p.deadline) || s.request.deadlineDate),
    reminderLead: leadTime(typeof p.secondsBefore === 'number' ? p.secondsBefore : null),
    measure: str(p.measure) || '—',
    targetDate: chineseDate(str(p.targetDate)),
    submission: { account: excerpt(submission?.account) },
    plan: { responsiblePerson: plan?.responsiblePerson || '—', measureCount: plan?.measures.length ?? 0 },
    extension: {
      reason: excerpt(str(p.reason) || extension?.reason),
      requested: chineseDate(str(p.requestedDeadline) || extension?.requested.date),
    },
    ladder: ladderContext(s),
    link: s.link,
  };
}

/** How a notice names a rung that happened: what the bureau did, on which day. */
const RUNG_DEEDS: Record<number, string> = { 1: '发出提醒函', 2: '督办', 3: '约谈', 4: '通报' };

interface CitedRung {
  level: number;
  at: string;
}

function previousRungs(s: ItemContextSources): CitedRung[] {
  const given = (s.request.payload ?? {}).previousRungs;
  if (Array.isArray(given))
    return given.filter(
      (r): r is CitedRung =>
        typeof r === 'object' &&
        r !== null &&
        typeof (r as CitedRung).level === 'number' &&
        !!(r as CitedRung).at,
    );
  // A request from a run before the rung-by-rung ladder: cite what the snapshot shows was sent before.
  const level = s.request.level ?? 0;
  const escalations = s.state?.escalations ?? [];
  const version = escalations.length ? escalations[escalations.length - 1].deadlineVersion : 0;
  return escalations.filter((e) => e.deadlineVersion === version && e.level < level);
}

function ladderContext(s: ItemContextSources): ItemContext['ladder'] {
  const cited = previousRungs(s).map(
    (r) => `${chineseDate(dateInZone(new Date(r.at), s.timeZone))}${RUNG_DEEDS[r.level] ?? ''}`,
  );
  return { hasPrevious: cited.length > 0, previous: cited.join('、') };
}
