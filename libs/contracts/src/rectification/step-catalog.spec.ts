import { rectificationUpdates } from './rectification.definitions';
import type { Actor, RectificationState, RectificationStatus } from './rectification.types';
import { STEP_LABELS } from './rectification-labels';
import { actionsForStatus, allowedActions, checkStep, STEP_CATALOG, STEP_NAMES } from './step-catalog';
import { insubstantialReason } from './step-checks';

const dept: Actor = { userId: 11, name: '经办人', role: 'dept_user', unitId: 2 };
const reviewer: Actor = { userId: 21, name: '审核员', role: 'bureau_reviewer', unitId: 1 };
const leader: Actor = { userId: 31, name: '局领导', role: 'bureau_leader', unitId: 1 };

function state(status: RectificationStatus, patch: Partial<RectificationState> = {}): RectificationState {
  return {
    status,
    type: 'deadline',
    unitId: 2,
    policy: { maxExtensions: 2 },
    deadlines: [{ date: '2027-01-31', at: '2027-01-31T15:59:59.999Z', version: 1 }],
    extensions: [],
    submissions: [],
    evidence: [],
    plans: [],
    ...patch,
  } as RectificationState;
}

describe('the step catalog', () => {
  it('declares every step once: label from the label table, a unique path, statuses and roles by side', () => {
    const paths = STEP_NAMES.map((n) => STEP_CATALOG[n].path);
    expect(new Set(paths).size).toBe(STEP_NAMES.length);
    for (const n of STEP_NAMES) {
      const s = STEP_CATALOG[n];
      expect(s.name).toBe(n);
      expect(s.label).toBe(STEP_LABELS[n]);
      expect(s.from.length).toBeGreaterThan(0);
      expect(s.roles).toEqual(
        s.side === 'department' ? ['dept_user', 'dept_leader'] : ['bureau_reviewer', 'bureau_admin'],
      );
    }
  });

  it('registers the Updates in the order the committed histories were recorded with', () => {
    expect(STEP_NAMES).toEqual(Object.keys(rectificationUpdates));
    expect(STEP_NAMES[0]).toBe('acknowledge');
    expect(STEP_NAMES[STEP_NAMES.length - 1]).toBe('cancel');
  });

  it('offers each caller the steps they may take now', () => {
    const mine = { actor: dept, actsForUnit: true };
    expect(allowedActions(state('issued'), mine)).toEqual([
      { step: 'acknowledge', label: '签收', path: 'acknowledge' },
    ]);
    expect(allowedActions(state('issued'), { actor: dept, actsForUnit: false })).toEqual([]);
    expect(allowedActions(state('issued'), { actor: leader, actsForUnit: false })).toEqual([]);
    // 提交整改情况 needs evidence first, so it is offered only once there is some.
    expect(allowedActions(state('in_progress'), mine).map((a) => a.step)).toEqual([
      'addEvidence',
      'requestExtension',
    ]);
    const withEvidence = state('in_progress', { evidence: [{ id: 1 }] as RectificationState['evidence'] });
    expect(allowedActions(withEvidence, mine).map((a) => a.path)).toEqual([
      'evidence',
      'submit',
      'extensions',
    ]);
    expect(actionsForStatus('in_progress', mine).map((a) => a.step)).toEqual([
      'addEvidence',
      'submit',
      'requestExtension',
    ]);
  });

  it('applies the state-only rules: a submitter never reviews, a requester never decides', () => {
    const submitted = state('submitted', {
      submissions: [{ id: 1, account: 'a', by: reviewer, at: '' }],
    });
    const r = { actor: reviewer, actsForUnit: false };
    expect(allowedActions(submitted, r).map((a) => a.step)).toEqual(['reassign', 'cancel']);
    const pending = state('acknowledged', {
      extensions: [
        {
          id: 1,
          reason: '制度修订须经党组会审议',
          requested: { date: '2027-06-30', at: '' },
          previous: { date: '2027-01-31', at: '' },
          by: dept,
          at: '',
        },
      ],
    });
    expect(allowedActions(pending, r).map((a) => a.step)).toEqual(['decideExtension', 'reassign', 'cancel']);
    expect(checkStep(pending, 'decideExtension', { actor: reviewer, approve: false })).toBe(
      '不同意延期须说明理由',
    );
  });

  it('wants a reason of substance for an extension', () => {
    expect(insubstantialReason('   ', '延期理由')).toBe('延期理由不能为空');
    expect(insubstantialReason('延期', '延期理由')).toMatch(/过于简单/);
    expect(insubstantialReason('啊啊啊啊啊啊', '延期理由')).toMatch(/重复/);
    expect(insubstantialReason('。。。！！！', '延期理由')).toMatch(/过于简单/);
    expect(insubstantialReason('制度修订须经党组会审议', '延期理由')).toBeNull();
  });
});
