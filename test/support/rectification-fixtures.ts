import { randomUUID } from 'node:crypto';
import type { Actor, RectificationInput, RectificationPolicy } from '../../libs/contracts/src';
import { CURRENT_RUN_FLAGS, rectificationWorkflowId } from '../../libs/contracts/src';

export const bureauReviewer: Actor = { userId: 900001, name: '审核员甲', role: 'bureau_reviewer', unitId: 1 };
export const bureauReviewer2: Actor = {
  userId: 900002,
  name: '审核员乙',
  role: 'bureau_reviewer',
  unitId: 1,
};
export const deptUser: Actor = { userId: 900101, name: '经办人丙', role: 'dept_user', unitId: 2 };

/** A policy in seconds: nothing fires during a test unless the test asks for short offsets. */
export function quietPolicy(overrides: Partial<RectificationPolicy> = {}): RectificationPolicy {
  return {
    requirePlanApproval: true,
    reminderOffsetsSeconds: [7 * 86400, 3 * 86400, 86400],
    escalationOffsetsSeconds: [86400, 8 * 86400, 15 * 86400, 30 * 86400],
    maxExtensions: 2,
    progressReportIntervalSeconds: 30 * 86400,
    ...overrides,
  };
}

/** Input for one rectification whose deadline is `deadlineInSeconds` from now. */
/**
 * The live workflow scenarios run twice: as runs started without flags (items issued before issuing by reference,
 * still open in production) and as runs started with today's flags (projection in a local activity, a steady
 * timer); the committed histories keep each recorded shape replaying.
 */
export const RUN_MODES: [string, Partial<RectificationInput>][] = [
  ['runs started without flags', {}],
  ["runs started with today's flags", CURRENT_RUN_FLAGS],
];

export function rectificationInput(
  opts: {
    deadlineInSeconds?: number;
    policy?: Partial<RectificationPolicy>;
    type?: RectificationInput['type'];
    evaluationId?: string;
    findingSeq?: number;
    unitId?: number;
  } = {},
): RectificationInput {
  const evaluationId = opts.evaluationId ?? randomUUID();
  const findingSeq = opts.findingSeq ?? 1;
  const at = new Date(Date.now() + (opts.deadlineInSeconds ?? 90 * 86400) * 1000);
  return {
    rectificationId: rectificationWorkflowId(evaluationId, findingSeq),
    evaluationId,
    findingSeq,
    findingTitle: '预算绩效管理待完善，预算编制依据不全面',
    unitId: opts.unitId ?? 2,
    type: opts.type ?? 'deadline',
    deadline: { date: at.toISOString().slice(0, 10), at: at.toISOString() },
    deliveryDate: new Date().toISOString().slice(0, 10),
    policy: quietPolicy(opts.policy),
    issuedBy: bureauReviewer,
  };
}

export const planCommand = (actor: Actor = deptUser) => ({
  actor,
  responsiblePerson: '张三',
  contact: '0798-1234567',
  measures: [
    { content: '修订项目绩效目标编制办法', targetDate: '2027-01-15', targetAt: '2027-01-15T15:59:59.999Z' },
    { content: '按子项细化预算测算明细', targetDate: '2027-02-28', targetAt: '2027-02-28T15:59:59.999Z' },
  ],
});

export const evidenceCommand = (actor: Actor = deptUser) => ({
  actor,
  files: [
    { fileId: 1, sha256: 'a'.repeat(64), name: '整改报告.pdf', size: 1234, mimeType: 'application/pdf' },
  ],
  description: '整改报告及制度文件',
  effectiveDate: '2026-12-20',
});
