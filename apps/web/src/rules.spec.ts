import { RECTIFICATION_STATUSES } from '../../../libs/contracts/src/rectification/rectification.types';
import type { RectificationCommandName } from '../../../libs/contracts/src/rectification/rectification.commands';
import type { RectificationState } from '../../../libs/contracts/src/rectification/rectification.types';
import { checkCommand } from '../../../workflows/src/rectification/rectification-rules';
import { ROLES } from '../../../libs/auth/src/role';
import {
  actionContext,
  ALLOWED_FROM,
  allowedActions,
  canImport,
  canListUnits,
} from '../public/assets/rules.js';

const STEPS = Object.keys(ALLOWED_FROM) as RectificationCommandName[];

function stateIn(status: string): RectificationState {
  return {
    status,
    type: 'deadline',
    policy: { maxExtensions: 2 },
    deadlines: [{ date: '2027-01-01', at: '2027-01-01T15:59:59.999Z', version: 1 }],
    extensions: [],
    submissions: [],
    evidence: [],
  } as unknown as RectificationState;
}

describe('which steps a role may take', () => {
  it('mirrors the workflow: a step is offered in exactly the statuses its validator accepts', () => {
    for (const status of RECTIFICATION_STATUSES)
      for (const name of STEPS) {
        const reason = checkCommand(stateIn(status), name, { actor: { userId: 1 } } as never);
        const refusedForStatus = reason?.startsWith('当前状态为') ?? false;
        expect({ status, name, allowed: ALLOWED_FROM[name].includes(status) }).toEqual({
          status,
          name,
          allowed: !refusedForStatus,
        });
      }
  });

  it('gives departments their steps and bureau reviewers/admins theirs', () => {
    expect(allowedActions('dept_user', 'issued')).toEqual(['acknowledge']);
    expect(allowedActions('dept_leader', 'acknowledged')).toEqual(['submitPlan', 'requestExtension']);
    expect(allowedActions('dept_user', 'in_progress')).toEqual(['addEvidence', 'submit', 'requestExtension']);
    expect(allowedActions('dept_user', 'ongoing')).toEqual(['addEvidence', 'submit', 'reportProgress']);
    expect(allowedActions('dept_user', 'submitted')).toEqual([]);
    expect(allowedActions('bureau_reviewer', 'plan_submitted')).toEqual([
      'approvePlan',
      'returnPlan',
      'reassign',
      'cancel',
    ]);
    expect(allowedActions('bureau_admin', 'submitted')).toEqual(['review', 'reassign', 'cancel']);
    expect(allowedActions('bureau_reviewer', 'issued')).toEqual(['reassign', 'cancel']);
  });

  it('offers nothing to read-only roles or on a finished item', () => {
    for (const role of ['bureau_leader', 'auditor'])
      for (const status of RECTIFICATION_STATUSES) expect(allowedActions(role, status)).toEqual([]);
    for (const role of ROLES) {
      expect(allowedActions(role, 'closed')).toEqual([]);
      expect(allowedActions(role, 'cancelled')).toEqual([]);
    }
  });

  it('offers 审批延期 only with a request pending from someone else, and 申请延期 only when one may ask', () => {
    const pending = { pendingExtension: true, extensionsLeft: 1 };
    expect(allowedActions('bureau_reviewer', 'in_progress', pending)).toContain('decideExtension');
    expect(
      allowedActions('bureau_reviewer', 'in_progress', { ...pending, pendingExtensionByMe: true }),
    ).not.toContain('decideExtension');
    expect(allowedActions('bureau_reviewer', 'in_progress')).not.toContain('decideExtension');
    expect(allowedActions('dept_user', 'in_progress', pending)).not.toContain('requestExtension');
    expect(allowedActions('dept_user', 'in_progress', { extensionsLeft: 0 })).not.toContain(
      'requestExtension',
    );
  });

  it('reads that context from the workflow state', () => {
    const state = {
      policy: { maxExtensions: 2 },
      extensions: [{ by: { userId: 7 }, decision: { approved: true } }, { by: { userId: 7 } }],
      submissions: [{ by: { userId: 9 } }],
    };
    expect(actionContext(state, 7)).toEqual({
      pendingExtension: true,
      pendingExtensionByMe: true,
      extensionsLeft: 1,
      lastSubmissionByMe: false,
    });
    expect(actionContext(state, 9).lastSubmissionByMe).toBe(true);
    expect(allowedActions('bureau_reviewer', 'submitted', actionContext(state, 9))).not.toContain('review');
  });

  it('lets only reviewers and admins import and issue; units are listed for read-all roles', () => {
    expect(ROLES.filter((r) => canImport(r))).toEqual(['bureau_admin', 'bureau_reviewer']);
    expect(ROLES.filter((r) => canListUnits(r))).toEqual([
      'bureau_admin',
      'bureau_reviewer',
      'bureau_leader',
      'auditor',
    ]);
  });
});
