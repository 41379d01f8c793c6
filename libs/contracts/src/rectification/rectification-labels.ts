import type { RectificationStepName } from './rectification.commands';
import type {
  EscalationLevel,
  RectificationStatus,
  RectificationType,
  ReviewResult,
} from './rectification.types';

/**
 * The one label table: every Chinese word a person reads for a status, step, type, rung or review result —
 * in errors, notifications, the ledger, the Excel export and the web (which imports this file at build time).
 * Status words are the ones a bureau writes in its 整改台账 (已下发, 已签收, …), used in every message too.
 * Pure data, no runtime imports: workflow code imports this file.
 */
export const STATUS_LABELS: Record<RectificationStatus, string> = {
  issued: '已下发',
  acknowledged: '已签收',
  plan_submitted: '方案待审',
  in_progress: '整改中',
  submitted: '待认定',
  ongoing: '持续整改',
  closed: '已销号',
  cancelled: '已撤销',
};

export const TYPE_LABELS: Record<RectificationType, string> = {
  immediate: '立行立改',
  deadline: '限期整改',
  phased: '分阶段整改',
  continuous: '持续整改',
};

export const ESCALATION_LABELS: Record<EscalationLevel, string> = {
  0: '无',
  1: '提醒函',
  2: '督办',
  3: '约谈',
  4: '通报',
};

export const REVIEW_LABELS: Record<ReviewResult, string> = {
  rectified: '已整改',
  ongoing: '持续整改',
  not_rectified: '未整改',
};

/** What a step is called (buttons, the timeline, "不能<step>" in refusals). */
export const STEP_LABELS: Record<RectificationStepName, string> = {
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

/** Who takes a step: the responsible unit or the bureau. */
export const STEP_SIDE_LABELS = { department: '责任单位', bureau: '财政局' } as const;

/** Timeline lines written by the workflow's timers, the calendar and 回头看 (steps are named by STEP_LABELS). */
export const TIMELINE_EVENT_LABELS = {
  issued: '下发',
  deadline_reminder: '到期提醒',
  reminder_skipped: '提醒未发（时点已过）',
  overdue: '逾期',
  escalation: '督办升级',
  milestone_due: '阶段目标到期',
  progress_report_due: '进展报告到期',
  deadline_recalculated: '期限重算',
  recheck_due: '回头看到期',
  recheck_decided: '回头看认定',
} as const;

/** Every action a timeline line can carry, by its code. */
export const TIMELINE_LABELS: Readonly<Record<string, string>> = { ...STEP_LABELS, ...TIMELINE_EVENT_LABELS };

/** 回头看 (re-check after 销号): its outcomes and the states of its task. */
export const RECHECK_OUTCOMES = ['consolidated', 'rebound'] as const;
export type RecheckOutcome = (typeof RECHECK_OUTCOMES)[number];
export const RECHECK_OUTCOME_LABELS: Record<RecheckOutcome, string> = {
  consolidated: '巩固',
  rebound: '反弹',
};
export type RecheckStatus = 'waiting' | 'due' | 'done';
export const RECHECK_STATUS_LABELS: Record<RecheckStatus, string> = {
  waiting: '未到期',
  due: '待回头看',
  done: '已回头看',
};
