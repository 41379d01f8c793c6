/**
 * Which steps the current user may take on an item, mirroring the server: the workflow's ALLOWED_FROM
 * (workflows/src/rectification/rectification-rules.ts) and the gateway's role split
 * (libs/rectification/src/rectification-command.service.ts). The server still decides; this only keeps the
 * action panel from offering a button that can only answer 403/409. apps/web/src/rules.spec.ts checks the mirror.
 */

const OPEN = ['issued', 'acknowledged', 'plan_submitted', 'in_progress', 'submitted', 'ongoing'];

export const ALLOWED_FROM = Object.freeze({
  acknowledge: ['issued'],
  submitPlan: ['acknowledged'],
  approvePlan: ['plan_submitted'],
  returnPlan: ['plan_submitted'],
  addEvidence: ['in_progress', 'ongoing'],
  submit: ['in_progress', 'ongoing'],
  review: ['submitted'],
  reportProgress: ['ongoing'],
  requestExtension: ['acknowledged', 'plan_submitted', 'in_progress'],
  decideExtension: OPEN,
  reassign: OPEN,
  cancel: OPEN,
});

export const DEPT_ROLES = Object.freeze(['dept_user', 'dept_leader']);
/** Bureau steps are for reviewers and administrators; bureau_leader and auditor only read. */
export const BUREAU_ACTOR_ROLES = Object.freeze(['bureau_reviewer', 'bureau_admin']);
export const IMPORT_ROLES = BUREAU_ACTOR_ROLES;

const DEPT_STEPS = [
  'acknowledge',
  'submitPlan',
  'addEvidence',
  'submit',
  'reportProgress',
  'requestExtension',
];
const BUREAU_STEPS = ['approvePlan', 'returnPlan', 'review', 'decideExtension', 'reassign', 'cancel'];

/** Panel order: the usual next step first, the exceptional ones (延期, 改派, 撤销) last. */
const ORDER = [
  'acknowledge',
  'submitPlan',
  'approvePlan',
  'returnPlan',
  'addEvidence',
  'submit',
  'reportProgress',
  'review',
  'decideExtension',
  'requestExtension',
  'reassign',
  'cancel',
];

export function stepsForRole(role) {
  if (DEPT_ROLES.includes(role)) return DEPT_STEPS;
  if (BUREAU_ACTOR_ROLES.includes(role)) return BUREAU_STEPS;
  return [];
}

/**
 * Steps `role` may take on an item in `status`. `ctx` (optional, from the item's state) narrows further the
 * way the workflow would refuse anyway: `pendingExtension` (a request awaits a decision), `extensionsLeft`
 * (approved extensions still allowed), `pendingExtensionByMe`, `lastSubmissionByMe`.
 */
export function allowedActions(role, status, ctx = {}) {
  const mine = stepsForRole(role);
  return ORDER.filter((step) => {
    if (!mine.includes(step) || !ALLOWED_FROM[step].includes(status)) return false;
    if (step === 'decideExtension') return ctx.pendingExtension === true && !ctx.pendingExtensionByMe;
    if (step === 'requestExtension')
      return !ctx.pendingExtension && (ctx.extensionsLeft === undefined || ctx.extensionsLeft > 0);
    if (step === 'review') return !ctx.lastSubmissionByMe;
    return true;
  });
}

/** The narrowing context of allowedActions, read from a RectificationState and the current user's id. */
export function actionContext(state, userId) {
  const extensions = state?.extensions ?? [];
  const last = extensions[extensions.length - 1];
  const pending = Boolean(last && !last.decision);
  const approved = extensions.filter((e) => e.decision?.approved).length;
  const submissions = state?.submissions ?? [];
  const lastSubmission = submissions[submissions.length - 1];
  return {
    pendingExtension: pending,
    pendingExtensionByMe: pending && last.by?.userId === userId,
    extensionsLeft: (state?.policy?.maxExtensions ?? Infinity) - approved,
    lastSubmissionByMe: Boolean(lastSubmission && lastSubmission.by?.userId === userId),
  };
}

export function canImport(role) {
  return IMPORT_ROLES.includes(role);
}

/** /units is for roles that see every unit; the others get 403 and must not ask. */
export function canListUnits(role) {
  return ['bureau_admin', 'bureau_reviewer', 'bureau_leader', 'auditor'].includes(role);
}
