import type { RectificationState } from '../../../libs/contracts/src/rectification/rectification.types';
import { checkCommand } from './rectification-rules';
import { applyCommand, initialState } from './rectification-state.machine';

const now = '2026-12-01T00:00:00.000Z';
const dept = { userId: 1, name: '甲', role: 'dept_user', unitId: 2 };
const bureau = { userId: 2, name: '乙', role: 'bureau_reviewer', unitId: 1 };

function fresh(type: RectificationState['type'] = 'deadline'): RectificationState {
  return initialState(
    {
      rectificationId: 'r',
      evaluationId: 'e',
      findingSeq: 1,
      findingTitle: 't',
      unitId: 2,
      type,
      deadline: { date: '2026-12-31', at: '2026-12-31T15:59:59.999Z' },
      deliveryDate: '2026-12-01',
      policy: {
        requirePlanApproval: true,
        reminderOffsetsSeconds: [],
        escalationOffsetsSeconds: [1, 2, 3, 4],
        maxExtensions: 1,
        progressReportIntervalSeconds: 10,
      },
      issuedBy: bureau,
    },
    now,
  );
}

describe('rectification rules', () => {
  it('names the current state when a step is not allowed', () => {
    expect(checkCommand(fresh(), 'submit', { actor: dept, account: 'x' })).toBe(
      '当前状态为「已下发」，不能提交整改情况',
    );
    expect(checkCommand(fresh(), 'approvePlan', { actor: bureau })).toBe(
      '当前状态为「已下发」，不能批准整改方案',
    );
  });

  it('requires two distinct milestones for 分阶段整改', () => {
    const s = fresh('phased');
    applyCommand(s, 'acknowledge', { actor: dept }, now);
    const one = {
      actor: dept,
      responsiblePerson: '张',
      measures: [{ content: 'a', targetDate: '2026-12-10', targetAt: now }],
    };
    expect(checkCommand(s, 'submitPlan', one)).toBe('分阶段整改须至少设置两个不同时限的阶段目标');
    const two = {
      ...one,
      measures: [...one.measures, { content: 'b', targetDate: '2026-12-20', targetAt: now }],
    };
    expect(checkCommand(s, 'submitPlan', two)).toBeNull();
  });

  it('returning a plan needs a comment and sends the unit back to planning', () => {
    const s = fresh();
    applyCommand(s, 'acknowledge', { actor: dept }, now);
    applyCommand(
      s,
      'submitPlan',
      {
        actor: dept,
        responsiblePerson: '张',
        measures: [{ content: 'a', targetDate: '2026-12-10', targetAt: now }],
      },
      now,
    );
    expect(checkCommand(s, 'returnPlan', { actor: bureau, comment: ' ' })).toBe('退回整改方案须填写意见');
    const t = applyCommand(s, 'returnPlan', { actor: bureau, comment: '措施不具体' }, now);
    expect(s.status).toBe('acknowledged');
    expect(t.notifications).toEqual([{ event: 'plan_returned', payload: { comment: '措施不具体' } }]);
  });

  it('refuses an extension that does not move the deadline later, and a second pending one', () => {
    const s = fresh();
    applyCommand(s, 'acknowledge', { actor: dept }, now);
    const req = (date: string) => ({
      actor: dept,
      reason: '制度修订须经党组会审议',
      newDeadline: { date, at: `${date}T15:59:59.999Z` },
    });
    expect(checkCommand(s, 'requestExtension', req('2026-12-31'))).toBe('新的整改时限须晚于当前时限');
    applyCommand(s, 'requestExtension', req('2027-01-31'), now);
    expect(checkCommand(s, 'requestExtension', req('2027-02-28'))).toBe('已有延期申请待审批');
    applyCommand(s, 'decideExtension', { actor: bureau, approve: false, comment: '不同意' }, now);
    expect(s.deadlines).toHaveLength(1);
  });

  it('numbers timeline events densely from 1', () => {
    const s = fresh();
    const a = applyCommand(s, 'acknowledge', { actor: dept }, now);
    const b = applyCommand(s, 'cancel', { actor: bureau, reason: '撤回' }, now);
    expect([a.event.seq, b.event.seq]).toEqual([1, 2]);
    expect(checkCommand(s, 'reassign', { actor: bureau, unitId: 3, reason: 'x' })).toBe(
      '当前状态为「已撤销」，不能改派',
    );
  });
});
