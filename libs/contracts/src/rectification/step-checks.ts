import type { RectificationStepName, StepCommand } from './rectification.commands';
import { currentDeadline, pendingExtension } from './rectification-transition';
import type { Actor, RectificationState } from './rectification.types';

/**
 * The rules of each step beyond "which status": `ready` needs only the state and who asks (so the server can
 * offer the step as an allowed action), `payload` also looks at what was sent. Each returns null when the step
 * may run, otherwise the reason — shown to users (HTTP 409), so in Chinese. Pure.
 */
export interface StepRules<K extends RectificationStepName> {
  ready?: (state: RectificationState, actor: Actor) => string | null;
  payload?: (state: RectificationState, cmd: StepCommand<K>) => string | null;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const blank = (s: unknown): boolean => typeof s !== 'string' || s.trim().length === 0;

/** Minimum characters (letters, digits, CJK — not spaces or punctuation) of a reason that explains something. */
export const MIN_REASON_CHARS = 5;

/**
 * A reason of substance: at least MIN_REASON_CHARS meaningful characters, not one character repeated
 * ("啊啊啊啊啊", "11111") or a two-character stutter ("abab…").
 */
export function insubstantialReason(s: unknown, what: string): string | null {
  if (blank(s)) return `${what}不能为空`;
  const meaningful = (s as string).replace(/[\s\p{P}\p{S}]/gu, '');
  if ([...meaningful].length < MIN_REASON_CHARS)
    return `${what}过于简单，请至少写明 ${MIN_REASON_CHARS} 个字`;
  if (new Set(meaningful).size <= 2) return `${what}不能是重复的字符，请写明具体原因`;
  return null;
}

export const STEP_RULES: { [K in RectificationStepName]: StepRules<K> } = {
  acknowledge: {},
  submitPlan: {
    payload(state, plan) {
      if (blank(plan.responsiblePerson)) return '整改方案须写明责任人';
      if (!Array.isArray(plan.measures) || plan.measures.length === 0) return '整改方案至少包含一项整改措施';
      if (plan.measures.some((m) => blank(m.content) || !DATE.test(m.targetDate)))
        return '每项整改措施须有内容和完成时限';
      if (state.type === 'phased' && new Set(plan.measures.map((m) => m.targetDate)).size < 2)
        return '分阶段整改须至少设置两个不同时限的阶段目标';
      return null;
    },
  },
  approvePlan: {},
  returnPlan: {
    payload: (_state, cmd) => (blank(cmd.comment) ? '退回整改方案须填写意见' : null),
  },
  addEvidence: {
    payload(_state, ev) {
      if (!Array.isArray(ev.files) || ev.files.length === 0) return '至少上传一个佐证材料文件';
      if (!DATE.test(ev.effectiveDate)) return '须填写佐证材料的生效日期';
      return null;
    },
  },
  submit: {
    ready: (state) => (state.evidence.length === 0 ? '提交前须至少上传一份佐证材料' : null),
    payload: (_state, cmd) => (blank(cmd.account) ? '提交整改情况须说明整改完成情况' : null),
  },
  review: {
    ready(state, actor) {
      const submission = state.submissions[state.submissions.length - 1];
      return submission && submission.by.userId === actor.userId ? '认定人不能是整改情况的提交人' : null;
    },
    payload: (_state, cmd) =>
      cmd.result !== 'rectified' && blank(cmd.comment) ? '认定为持续整改或未整改时须填写意见' : null,
  },
  reportProgress: {
    payload: (_state, cmd) => (blank(cmd.content) ? '进展报告不能为空' : null),
  },
  requestExtension: {
    ready(state) {
      if (pendingExtension(state)) return '已有延期申请待审批';
      const used = state.extensions.filter((e) => e.decision?.approved).length;
      if (used >= state.policy.maxExtensions) return `延期次数已达上限（${state.policy.maxExtensions} 次）`;
      return null;
    },
    payload(state, req) {
      const reason = insubstantialReason(req.reason, '延期理由');
      if (reason) return reason;
      if (!req.newDeadline || !DATE.test(req.newDeadline.date)) return '须填写新的整改时限';
      if (req.newDeadline.date <= currentDeadline(state).date) return '新的整改时限须晚于当前时限';
      return null;
    },
  },
  decideExtension: {
    ready(state, actor) {
      const pending = pendingExtension(state);
      if (!pending) return '没有待审批的延期申请';
      if (pending.by.userId === actor.userId) return '延期审批人不能是申请人';
      return null;
    },
    payload: (_state, cmd) => (!cmd.approve && blank(cmd.comment) ? '不同意延期须说明理由' : null),
  },
  reassign: {
    payload(state, re) {
      if (typeof re.unitId !== 'number') return '须指定新的责任单位';
      if (re.unitId === state.unitId) return '新的责任单位与当前责任单位相同';
      if (blank(re.reason)) return '改派须说明理由';
      return null;
    },
  },
  cancel: {
    payload: (_state, cmd) => (blank(cmd.reason) ? '撤销须说明理由' : null),
  },
};
