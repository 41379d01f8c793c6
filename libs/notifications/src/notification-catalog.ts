import { ESCALATION_LABELS, NOTIFICATION_EVENTS } from '@rectiflow/contracts';
import type { EscalationLevel, NotificationEvent } from '@rectiflow/contracts';

/** The digest is not a workflow event, but users choose its channels like any other. */
export const DIGEST_EVENT = 'daily_digest';
export type NotificationKind = NotificationEvent | typeof DIGEST_EVENT;
export const NOTIFICATION_KINDS: readonly NotificationKind[] = [...NOTIFICATION_EVENTS, DIGEST_EVENT];

export const KIND_LABELS: Record<NotificationKind, string> = {
  issued: '下发通知',
  deadline_reminder: '截止提醒',
  escalation: '逾期督办（提醒函 / 督办 / 约谈 / 通报）',
  plan_submitted: '方案待审',
  plan_returned: '方案退回',
  plan_approved: '方案通过',
  submitted: '待认定',
  review_returned: '整改退回',
  ongoing: '持续整改',
  extension_requested: '延期申请',
  extension_decided: '延期批复',
  closed: '销号通知',
  reassigned: '改派通知',
  cancelled: '撤销通知',
  milestone_due: '阶段目标到期',
  progress_report_due: '进展报告到期',
  daily_digest: '每日整改汇总',
};

/**
 * Who an event is for:
 * - unit: the responsible unit itself — its contact mailboxes and its group-robot webhook;
 * - unit_staff: the dept_user accounts of the responsible unit;
 * - unit_head: the unit's head (isUnitHead or dept_leader), else the head of its parent department;
 * - previous_unit_staff: after 改派, the dept_user accounts of the unit the item was taken from;
 * - bureau_reviewers / bureau_leaders: users of the bureau above the unit (any bureau when none is above it);
 * - bureau: that bureau's own contact mailboxes and webhook;
 * - issuer: the bureau reviewer in charge of the item (who issued it);
 * - parent_unit_users: the dept_user and dept_leader accounts of the unit's parent department (none when the
 *   parent is the bureau).
 */
export const AUDIENCES = [
  'unit',
  'unit_staff',
  'unit_head',
  'previous_unit_staff',
  'bureau_reviewers',
  'bureau_leaders',
  'bureau',
  'issuer',
  'parent_unit_users',
] as const;
export type Audience = (typeof AUDIENCES)[number];
export const isAudience = (v: unknown): v is Audience => (AUDIENCES as readonly unknown[]).includes(v);

export interface EventRoute {
  /** Template file name under libs/notifications/templates, without `.hbs`. */
  template: string;
  audiences: Audience[];
}

const UNIT: Audience[] = ['unit', 'unit_staff'];

const ROUTES: Record<Exclude<NotificationEvent, 'escalation'>, EventRoute> = {
  issued: { template: 'issued', audiences: UNIT },
  deadline_reminder: { template: 'deadline-reminder', audiences: UNIT },
  plan_submitted: { template: 'plan-submitted', audiences: ['bureau_reviewers'] },
  plan_returned: { template: 'plan-returned', audiences: UNIT },
  plan_approved: { template: 'plan-approved', audiences: UNIT },
  submitted: { template: 'submitted', audiences: ['bureau_reviewers'] },
  review_returned: { template: 'review-returned', audiences: UNIT },
  ongoing: { template: 'ongoing', audiences: UNIT },
  extension_requested: { template: 'extension-requested', audiences: ['bureau_reviewers'] },
  extension_decided: { template: 'extension-decided', audiences: UNIT },
  closed: { template: 'closed', audiences: UNIT },
  reassigned: { template: 'reassigned', audiences: [...UNIT, 'previous_unit_staff'] },
  cancelled: { template: 'cancelled', audiences: UNIT },
  milestone_due: { template: 'milestone-due', audiences: UNIT },
  progress_report_due: { template: 'progress-report-due', audiences: UNIT },
};

/**
 * The default recipients per rung (a policy may name others, see routeOf): the ladder climbs in who is told,
 * each rung adding to the one before — 提醒函 the unit's handlers and the reviewer in charge, 督办 also the unit
 * head, 约谈 also the bureau leaders, 通报 also the department's parent unit and the bureau itself.
 */
export const DEFAULT_ESCALATION_AUDIENCES: Record<1 | 2 | 3 | 4, readonly Audience[]> = {
  1: [...UNIT, 'issuer'],
  2: [...UNIT, 'issuer', 'unit_head'],
  3: [...UNIT, 'issuer', 'unit_head', 'bureau_leaders'],
  4: [...UNIT, 'issuer', 'unit_head', 'bureau_leaders', 'parent_unit_users', 'bureau'],
};
const ESCALATION_ROUTES: Record<1 | 2 | 3 | 4, EventRoute> = {
  1: { template: 'escalation-1', audiences: [...DEFAULT_ESCALATION_AUDIENCES[1]] },
  2: { template: 'escalation-2', audiences: [...DEFAULT_ESCALATION_AUDIENCES[2]] },
  3: { template: 'escalation-3', audiences: [...DEFAULT_ESCALATION_AUDIENCES[3]] },
  4: { template: 'escalation-4', audiences: [...DEFAULT_ESCALATION_AUDIENCES[4]] },
};

export const DIGEST_TEMPLATES = { reviewer: 'digest-reviewer', department: 'digest-department' } as const;

/** The route of an event; for a rung, `audiences` from the item's policy replace the defaults when given. */
export function routeOf(event: NotificationEvent, level?: EscalationLevel, audiences?: unknown): EventRoute {
  if (event !== 'escalation') return ROUTES[event];
  if (!level) throw new Error('an escalation notification needs its level (1–4)');
  const route = ESCALATION_ROUTES[level];
  if (Array.isArray(audiences) && audiences.length > 0 && audiences.every(isAudience))
    return { ...route, audiences: [...new Set(audiences)] };
  return route;
}

/** Every template an event can need; the snapshot test renders each one. */
export const ALL_TEMPLATES: readonly string[] = [
  ...Object.values(ROUTES).map((r) => r.template),
  ...Object.values(ESCALATION_ROUTES).map((r) => r.template),
  ...Object.values(DIGEST_TEMPLATES),
];

/** 督办, 约谈 and 通报 reach leaders whatever their preferences say: a leader cannot opt out of being escalated to. */
export const isLockedForLeaders = (kind: NotificationKind): boolean => kind === 'escalation';
export const isLeaderAudience = (audience: Audience): boolean =>
  audience === 'unit_head' || audience === 'bureau_leaders';

export function escalationLabel(level: EscalationLevel | undefined | null): string | null {
  return level ? ESCALATION_LABELS[level] : null;
}
