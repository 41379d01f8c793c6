import { AppError } from '@rectiflow/common';
import { assertPolicy, policyProblem } from './issue-policy-rules';

describe('issuing policy rules', () => {
  it('accepts the default ladder and reminders', () => {
    expect(
      policyProblem({ reminderOffsetsDays: [7, 3, 1], escalationOffsetsDays: [1, 8, 15, 30] }),
    ).toBeNull();
    expect(policyProblem({ escalationOffsetsDays: [0, 1, 2, 3], reminderOffsetsDays: [] })).toBeNull();
  });

  it('refuses a decreasing ladder, naming the rungs', () => {
    expect(policyProblem({ escalationOffsetsDays: [3, 2, 1, 0] })).toBe(
      '督办升级天数须严格递增：督办（2 天）须晚于提醒函（3 天）',
    );
    expect(policyProblem({ escalationOffsetsDays: [1, 8, 8, 30] })).toContain(
      '约谈（8 天）须晚于督办（8 天）',
    );
  });

  it('refuses reminders out of order, after the deadline, fractional or beyond a year', () => {
    expect(policyProblem({ reminderOffsetsDays: [1, 3, 7] })).toContain('严格递减');
    expect(policyProblem({ reminderOffsetsDays: [3, 0] })).toContain('1–365');
    expect(policyProblem({ reminderOffsetsDays: [2.5] })).toBe('提醒天数须为整数（天）');
    expect(policyProblem({ escalationOffsetsDays: [1, 8, 15, 400] })).toContain('0–365');
    expect(policyProblem({ escalationOffsetsDays: [1, 8, 15] })).toContain('4 个整数');
    expect(policyProblem({ progressReportIntervalDays: 0 })).toContain('进展报告周期');
  });

  it('checks the recipients named per rung', () => {
    expect(policyProblem({ escalationAudiences: { '2': ['unit', 'unit_head', 'issuer'] } })).toBeNull();
    expect(policyProblem({ escalationAudiences: { '2': ['everyone'] } })).toContain(
      '督办的接收对象 everyone 无效',
    );
    expect(policyProblem({ escalationAudiences: { '5': ['unit'] } as never })).toContain('级别 5 无效');
    expect(policyProblem({ escalationAudiences: { '1': [] } })).toBe('提醒函的接收对象不能为空');
  });

  it('throws VALIDATION_FAILED with the reason', () => {
    expect(() => assertPolicy({ escalationOffsetsDays: [3, 2, 1, 0] })).toThrow(AppError);
    try {
      assertPolicy({ escalationOffsetsDays: [3, 2, 1, 0] });
    } catch (err) {
      expect((err as AppError).code).toBe('VALIDATION_FAILED');
    }
    expect(() => assertPolicy(undefined)).not.toThrow();
  });
});
