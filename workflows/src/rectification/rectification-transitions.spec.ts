import type { RectificationCommandName } from '../../../libs/contracts/src/rectification/rectification.commands';
import type {
  RectificationState,
  RectificationStatus,
} from '../../../libs/contracts/src/rectification/rectification.types';
import { checkCommand } from './rectification-rules';
import { initialState } from './rectification-state.machine';

/**
 * Every (status, step) pair: the steps a careful reader of DOMAIN.md allows in each status, written out by hand
 * (not derived from the implementation); everything else must be refused with a reason naming the status.
 */
const ALLOWED: Record<RectificationStatus, RectificationCommandName[]> = {
  // An extension is asked for by the unit that owns the deadline: only after 签收.
  issued: ['acknowledge', 'decideExtension', 'reassign', 'cancel'],
  acknowledged: ['submitPlan', 'requestExtension', 'decideExtension', 'reassign', 'cancel'],
  plan_submitted: ['approvePlan', 'returnPlan', 'requestExtension', 'decideExtension', 'reassign', 'cancel'],
  in_progress: ['addEvidence', 'submit', 'requestExtension', 'decideExtension', 'reassign', 'cancel'],
  submitted: ['review', 'decideExtension', 'reassign', 'cancel'],
  ongoing: ['addEvidence', 'submit', 'reportProgress', 'decideExtension', 'reassign', 'cancel'],
  closed: [],
  cancelled: [],
};
// The words a bureau writes in its ledger — the same in every refusal (one label table).
const STATUS_TEXT: Record<RectificationStatus, string> = {
  issued: '已下发',
  acknowledged: '已签收',
  plan_submitted: '方案待审',
  in_progress: '整改中',
  submitted: '待认定',
  ongoing: '持续整改',
  closed: '已销号',
  cancelled: '已撤销',
};
const COMMANDS: RectificationCommandName[] = [
  'acknowledge',
  'submitPlan',
  'approvePlan',
  'returnPlan',
  'addEvidence',
  'submit',
  'review',
  'reportProgress',
  'requestExtension',
  'decideExtension',
  'reassign',
  'cancel',
];

const dept = { userId: 1, name: '甲', role: 'dept_user', unitId: 2 };
const bureau = { userId: 2, name: '乙', role: 'bureau_reviewer', unitId: 1 };
const now = '2026-12-01T00:00:00.000Z';

/** A well-formed command of each kind, so only the status can make it fail. */
const VALID: Record<RectificationCommandName, object> = {
  acknowledge: { actor: dept },
  submitPlan: {
    actor: dept,
    responsiblePerson: '张',
    measures: [
      { content: 'a', targetDate: '2026-12-10', targetAt: now },
      { content: 'b', targetDate: '2026-12-20', targetAt: now },
    ],
  },
  approvePlan: { actor: bureau },
  returnPlan: { actor: bureau, comment: '请细化' },
  addEvidence: {
    actor: dept,
    files: [{ fileId: 1, sha256: 'a', name: 'a.pdf', size: 1, mimeType: 'application/pdf' }],
    description: 'd',
    effectiveDate: '2026-12-01',
  },
  submit: { actor: dept, account: '已整改' },
  review: { actor: bureau, result: 'rectified', comment: '' },
  reportProgress: { actor: dept, content: '进展' },
  requestExtension: {
    actor: dept,
    reason: '制度修订须经党组会审议',
    newDeadline: { date: '2027-06-30', at: '2027-06-30T15:59:59.999Z' },
  },
  decideExtension: { actor: bureau, approve: true },
  reassign: { actor: bureau, unitId: 3, reason: '职责调整' },
  cancel: { actor: bureau, reason: '撤回' },
};

function inStatus(status: RectificationStatus): RectificationState {
  const s = initialState(
    {
      rectificationId: 'r',
      evaluationId: 'e',
      findingSeq: 1,
      findingTitle: 't',
      unitId: 2,
      type: 'deadline',
      deadline: { date: '2026-12-31', at: '2026-12-31T15:59:59.999Z' },
      deliveryDate: '2026-12-01',
      policy: {
        requirePlanApproval: true,
        reminderOffsetsSeconds: [],
        escalationOffsetsSeconds: [1, 2, 3, 4],
        maxExtensions: 5,
        progressReportIntervalSeconds: 10,
      },
      issuedBy: bureau,
    },
    now,
  );
  s.status = status;
  // What the status implies: evidence and a submission by someone else, and an extension waiting for a decision.
  s.evidence.push({
    id: 1,
    files: [],
    description: 'd',
    effectiveDate: '2026-12-01',
    addedBy: dept,
    addedAt: now,
  });
  s.submissions.push({ id: 1, account: 'a', by: dept, at: now });
  s.extensions.push({
    id: 1,
    reason: 'r',
    requested: { date: '2027-01-31', at: now },
    previous: { date: '2026-12-31', at: now },
    by: dept,
    at: now,
  });
  return s;
}

describe('every step in every status', () => {
  const statuses = Object.keys(ALLOWED) as RectificationStatus[];
  const cases = statuses.flatMap((status) => COMMANDS.map((command) => [status, command] as const));

  it.each(cases)('%s × %s', (status, command) => {
    const state = inStatus(status);
    if (command === 'requestExtension') state.extensions = []; // otherwise refused as "already pending"
    const reason = checkCommand(state, command, VALID[command] as never);
    if (ALLOWED[status].includes(command)) expect(reason).toBeNull();
    else expect(reason).toMatch(new RegExp(`^当前状态为「${STATUS_TEXT[status]}」，不能`));
  });
});
