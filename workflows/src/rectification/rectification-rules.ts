import type {
  RectificationCommandName,
  RectificationCommands,
} from '../../../libs/contracts/src/rectification/rectification.commands';
import type {
  RectificationState,
  RectificationStatus,
} from '../../../libs/contracts/src/rectification/rectification.types';

/**
 * Which step is allowed now, and why not. Pure: used by the Update validators (a rejected step never enters
 * history) and again by the handlers. Reasons are shown to users (HTTP 409), so they are in Chinese.
 */
const OPEN: RectificationStatus[] = [
  'issued',
  'acknowledged',
  'plan_submitted',
  'in_progress',
  'submitted',
  'ongoing',
];

const ALLOWED_FROM: Record<RectificationCommandName, RectificationStatus[]> = {
  acknowledge: ['issued'],
  submitPlan: ['acknowledged'],
  approvePlan: ['plan_submitted'],
  returnPlan: ['plan_submitted'],
  addEvidence: ['in_progress', 'ongoing'],
  submit: ['in_progress', 'ongoing'],
  review: ['submitted'],
  reportProgress: ['ongoing'],
  requestExtension: ['issued', 'acknowledged', 'plan_submitted', 'in_progress'],
  decideExtension: OPEN,
  reassign: OPEN,
  cancel: OPEN,
};

const STEP_LABELS: Record<RectificationCommandName, string> = {
  acknowledge: '签收',
  submitPlan: '提交整改方案',
  approvePlan: '批准整改方案',
  returnPlan: '退回整改方案',
  addEvidence: '上传佐证材料',
  submit: '提交整改情况',
  review: '认定',
  reportProgress: '报送进展',
  requestExtension: '申请延期',
  decideExtension: '审批延期',
  reassign: '改派',
  cancel: '撤销',
};

const STATUS_TEXT: Record<RectificationStatus, string> = {
  issued: '待签收',
  acknowledged: '待提交方案',
  plan_submitted: '方案待审',
  in_progress: '整改中',
  submitted: '待认定',
  ongoing: '持续整改',
  closed: '已销号',
  cancelled: '已撤销',
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const blank = (s: unknown): boolean => typeof s !== 'string' || s.trim().length === 0;

export function isFinal(status: RectificationStatus): boolean {
  return status === 'closed' || status === 'cancelled';
}

export function pendingExtension(state: RectificationState) {
  const last = state.extensions[state.extensions.length - 1];
  return last && !last.decision ? last : undefined;
}

export function currentDeadline(state: RectificationState) {
  return state.deadlines[state.deadlines.length - 1];
}

/** Returns null when the command may run now, otherwise the reason it may not. */
export function checkCommand<K extends RectificationCommandName>(
  state: RectificationState,
  name: K,
  cmd: RectificationCommands[K],
): string | null {
  if (!cmd || typeof cmd !== 'object' || !cmd.actor || typeof cmd.actor.userId !== 'number')
    return '缺少操作人';
  if (!ALLOWED_FROM[name].includes(state.status))
    return `当前状态为「${STATUS_TEXT[state.status]}」，不能${STEP_LABELS[name]}`;
  const c = cmd as RectificationCommands[RectificationCommandName];
  switch (name) {
    case 'submitPlan': {
      const plan = c as RectificationCommands['submitPlan'];
      if (blank(plan.responsiblePerson)) return '整改方案须写明责任人';
      if (!Array.isArray(plan.measures) || plan.measures.length === 0) return '整改方案至少包含一项整改措施';
      if (plan.measures.some((m) => blank(m.content) || !DATE.test(m.targetDate)))
        return '每项整改措施须有内容和完成时限';
      if (state.type === 'phased' && new Set(plan.measures.map((m) => m.targetDate)).size < 2)
        return '分阶段整改须至少设置两个不同时限的阶段目标';
      return null;
    }
    case 'returnPlan':
      return blank((c as RectificationCommands['returnPlan']).comment) ? '退回整改方案须填写意见' : null;
    case 'addEvidence': {
      const ev = c as RectificationCommands['addEvidence'];
      if (!Array.isArray(ev.files) || ev.files.length === 0) return '至少上传一个佐证材料文件';
      if (!DATE.test(ev.effectiveDate)) return '须填写佐证材料的生效日期';
      return null;
    }
    case 'submit':
      if (blank((c as RectificationCommands['submit']).account)) return '提交整改情况须说明整改完成情况';
      if (state.evidence.length === 0) return '提交前须至少上传一份佐证材料';
      return null;
    case 'review': {
      const review = c as RectificationCommands['review'];
      const submission = state.submissions[state.submissions.length - 1];
      if (submission && submission.by.userId === review.actor.userId) return '认定人不能是整改情况的提交人';
      if (review.result !== 'rectified' && blank(review.comment)) return '认定为持续整改或未整改时须填写意见';
      return null;
    }
    case 'reportProgress':
      return blank((c as RectificationCommands['reportProgress']).content) ? '进展报告不能为空' : null;
    case 'requestExtension': {
      const req = c as RectificationCommands['requestExtension'];
      if (pendingExtension(state)) return '已有延期申请待审批';
      const used = state.extensions.filter((e) => e.decision?.approved).length;
      if (used >= state.policy.maxExtensions) return `延期次数已达上限（${state.policy.maxExtensions} 次）`;
      if (blank(req.reason)) return '申请延期须说明理由';
      if (!req.newDeadline || !DATE.test(req.newDeadline.date)) return '须填写新的整改时限';
      if (req.newDeadline.date <= currentDeadline(state).date) return '新的整改时限须晚于当前时限';
      return null;
    }
    case 'decideExtension': {
      const pending = pendingExtension(state);
      if (!pending) return '没有待审批的延期申请';
      if (pending.by.userId === c.actor.userId) return '延期审批人不能是申请人';
      return null;
    }
    case 'reassign': {
      const re = c as RectificationCommands['reassign'];
      if (typeof re.unitId !== 'number') return '须指定新的责任单位';
      if (re.unitId === state.unitId) return '新的责任单位与当前责任单位相同';
      if (blank(re.reason)) return '改派须说明理由';
      return null;
    }
    case 'cancel':
      return blank((c as RectificationCommands['cancel']).reason) ? '撤销须说明理由' : null;
    default:
      return null;
  }
}
