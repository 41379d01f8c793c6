import type { PolicyDefaults } from '@rectiflow/contracts';
import { toWorkflowPolicy } from './issue-policy';

const DAY = 86400;
const defaults: PolicyDefaults = {
  requirePlanApproval: false,
  reminderOffsetsDays: [10, 5],
  escalationOffsetsDays: [2, 9, 20, 40],
  maxExtensions: 3,
  progressReportIntervalDays: null,
};

describe('toWorkflowPolicy', () => {
  it('takes what the issue leaves out from the bureau defaults, the progress interval from the type', () => {
    expect(toWorkflowPolicy(defaults, 'continuous')).toEqual({
      requirePlanApproval: false,
      reminderOffsetsSeconds: [10 * DAY, 5 * DAY],
      escalationOffsetsSeconds: [2 * DAY, 9 * DAY, 20 * DAY, 40 * DAY],
      maxExtensions: 3,
      progressReportIntervalSeconds: 90 * DAY,
    });
    expect(toWorkflowPolicy(defaults, 'deadline').progressReportIntervalSeconds).toBe(30 * DAY);
    expect(
      toWorkflowPolicy({ ...defaults, progressReportIntervalDays: 45 }, 'continuous')
        .progressReportIntervalSeconds,
    ).toBe(45 * DAY);
  });

  it('lets each field given when issuing win over the default', () => {
    const p = toWorkflowPolicy({ ...defaults, progressReportIntervalDays: 45 }, 'deadline', {
      requirePlanApproval: true,
      reminderOffsetsDays: [],
      maxExtensions: 0,
      progressReportIntervalDays: 7,
    });
    expect(p).toMatchObject({
      requirePlanApproval: true,
      reminderOffsetsSeconds: [],
      escalationOffsetsSeconds: [2 * DAY, 9 * DAY, 20 * DAY, 40 * DAY],
      maxExtensions: 0,
      progressReportIntervalSeconds: 7 * DAY,
    });
  });
});
