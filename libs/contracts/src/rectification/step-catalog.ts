import type { RectificationStepName, StepCommand } from './rectification.commands';
import { RECTIFICATION_COMMANDS } from './rectification.commands';
import { STATUS_LABELS, STEP_LABELS, STEP_SIDE_LABELS } from './rectification-labels';
import type { Transition } from './rectification-transition';
import { STEP_EFFECTS, StepEffect } from './step-effects';
import { STEP_RULES, StepRules } from './step-checks';
import type { Actor, RectificationState, RectificationStatus } from './rectification.types';
import { PERMISSIONS } from '../accounts/permissions';

/**
 * The step catalog: everything known about each human step, declared once. The workflow's Update handlers and
 * validators, the API gateway's role rules, the HTTP routes and their OpenAPI, and the `allowedActions` of an
 * item are all derived from it. Pure (workflow code imports it).
 */
export type StepSide = keyof typeof STEP_SIDE_LABELS;

export interface StepDefinition<K extends RectificationStepName> {
  name: K;
  /** Chinese name (the one label table). */
  label: string;
  /** The POST path after `/rectifications/:id/`. */
  path: string;
  /** One line for the API docs. */
  summary: string;
  /** Statuses the step may start from. */
  from: readonly RectificationStatus[];
  side: StepSide;
  roles: readonly string[];
  /** HTTP body is multipart (files), not JSON. */
  multipart?: boolean;
  rules: StepRules<K>;
  apply: StepEffect<K>;
}

const OPEN: readonly RectificationStatus[] = [
  'issued',
  'acknowledged',
  'plan_submitted',
  'in_progress',
  'submitted',
  'ongoing',
];

function step<K extends RectificationStepName>(
  name: K,
  spec: {
    path: string;
    from: readonly RectificationStatus[];
    side: StepSide;
    note?: string;
    multipart?: boolean;
  },
): StepDefinition<K> {
  const label = STEP_LABELS[name];
  return {
    name,
    label,
    path: spec.path,
    summary: `${label}（${STEP_SIDE_LABELS[spec.side]}${spec.note ? `，${spec.note}` : ''}）`,
    from: spec.from,
    side: spec.side,
    roles: spec.side === 'department' ? PERMISSIONS.actForDepartment : PERMISSIONS.takeBureauSteps,
    multipart: spec.multipart,
    rules: STEP_RULES[name],
    apply: STEP_EFFECTS[name],
  };
}

export const STEP_CATALOG: { readonly [K in RectificationStepName]: StepDefinition<K> } = {
  acknowledge: step('acknowledge', { path: 'acknowledge', from: ['issued'], side: 'department' }),
  submitPlan: step('submitPlan', { path: 'plan', from: ['acknowledged'], side: 'department' }),
  approvePlan: step('approvePlan', { path: 'plan/approve', from: ['plan_submitted'], side: 'bureau' }),
  returnPlan: step('returnPlan', {
    path: 'plan/return',
    from: ['plan_submitted'],
    side: 'bureau',
    note: '须填写意见',
  }),
  addEvidence: step('addEvidence', {
    path: 'evidence',
    from: ['in_progress', 'ongoing'],
    side: 'department',
    note: 'multipart：files、description、effectiveDate',
    multipart: true,
  }),
  submit: step('submit', { path: 'submit', from: ['in_progress', 'ongoing'], side: 'department' }),
  review: step('review', {
    path: 'review',
    from: ['submitted'],
    side: 'bureau',
    note: '已整改→销号 / 持续整改 / 未整改→退回；认定人不能是提交人',
  }),
  reportProgress: step('reportProgress', { path: 'progress-reports', from: ['ongoing'], side: 'department' }),
  requestExtension: step('requestExtension', {
    path: 'extensions',
    // Only after 签收: an item not yet acknowledged has nobody who owns its deadline.
    from: ['acknowledged', 'plan_submitted', 'in_progress'],
    side: 'department',
    note: '签收后，须说明理由',
  }),
  decideExtension: step('decideExtension', {
    path: 'extensions/decision',
    from: OPEN,
    side: 'bureau',
    note: '不同意须说明理由',
  }),
  reassign: step('reassign', { path: 'reassign', from: OPEN, side: 'bureau' }),
  cancel: step('cancel', { path: 'cancel', from: OPEN, side: 'bureau', note: '须说明理由' }),
};

/** Every step in registration order. */
export const STEP_NAMES: readonly RectificationStepName[] = RECTIFICATION_COMMANDS;

/** Why a step may not start from this status — the same sentence everywhere. */
export function statusRefusal(status: RectificationStatus, name: RectificationStepName): string {
  return `当前状态为「${STATUS_LABELS[status]}」，不能${STEP_LABELS[name]}`;
}

/** Returns null when the command may run now, otherwise the reason it may not (the Update validator). */
export function checkStep<K extends RectificationStepName>(
  state: RectificationState,
  name: K,
  cmd: StepCommand<K>,
): string | null {
  if (!cmd || typeof cmd !== 'object' || !cmd.actor || typeof cmd.actor.userId !== 'number')
    return '缺少操作人';
  const def = STEP_CATALOG[name];
  if (!def.from.includes(state.status)) return statusRefusal(state.status, name);
  return def.rules.ready?.(state, cmd.actor) ?? def.rules.payload?.(state, cmd) ?? null;
}

/** Applies a validated command (in place) and says what to record and whom to notify. */
export function applyStep<K extends RectificationStepName>(
  state: RectificationState,
  name: K,
  cmd: StepCommand<K>,
  now: string,
): Transition {
  return STEP_CATALOG[name].apply(state, cmd, now);
}

/** A step's facts without its payload-typed functions: one list over every step, for roles and actions. */
export interface StepInfo {
  name: RectificationStepName;
  label: string;
  path: string;
  summary: string;
  from: readonly RectificationStatus[];
  side: StepSide;
  roles: readonly string[];
  multipart?: boolean;
  ready?: (state: RectificationState, actor: Actor) => string | null;
}

function info<K extends RectificationStepName>(def: StepDefinition<K>): StepInfo {
  const { rules, apply: _apply, ...facts } = def;
  return { ...facts, ready: rules.ready };
}

export const STEP_LIST: readonly StepInfo[] = STEP_NAMES.map(<K extends RectificationStepName>(n: K) =>
  info(STEP_CATALOG[n]),
);

/** A step the caller may take now; `path` is the POST segment after `/rectifications/:id/`. */
export interface AllowedAction {
  step: RectificationStepName;
  label: string;
  path: string;
}

/** Who asks: the actor, and whether the API's scope lets them act for this item's unit (department steps). */
export interface StepViewer {
  actor: Actor;
  actsForUnit: boolean;
}

/** Whether this role (and, for a department step, this unit scope) may take the step at all. */
export function mayTakeStep(step: StepInfo, viewer: StepViewer): boolean {
  return step.roles.includes(viewer.actor.role) && (step.side === 'bureau' || viewer.actsForUnit);
}

const toAction = (step: StepInfo): AllowedAction => ({ step: step.name, label: step.label, path: step.path });

/** The steps this viewer may take on this item now: status, role, scope and the state-only rules. */
export function allowedActions(state: RectificationState, viewer: StepViewer): AllowedAction[] {
  return STEP_LIST.filter(
    (s) => s.from.includes(state.status) && mayTakeStep(s, viewer) && !s.ready?.(state, viewer.actor),
  ).map(toAction);
}

/** The cheap version for list rows: status, role and scope only (a step may still be refused on detail). */
export function actionsForStatus(status: RectificationStatus, viewer: StepViewer): AllowedAction[] {
  return STEP_LIST.filter((s) => s.from.includes(status) && mayTakeStep(s, viewer)).map(toAction);
}
