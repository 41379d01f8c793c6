/**
 * Chinese labels for the codes the API sends. Kept in step with libs/contracts and libs/auth by
 * apps/web/src/labels.spec.ts, so a new status or role on the server fails a test rather than showing a raw code.
 */

export const ROLE_LABELS = Object.freeze({
  bureau_admin: '财政局管理员',
  bureau_reviewer: '财政局审核人员',
  bureau_leader: '财政局领导',
  dept_user: '部门经办人',
  dept_leader: '部门负责人',
  auditor: '审计（只读）',
});

export const UNIT_KIND_LABELS = Object.freeze({
  bureau: '财政局',
  department: '主管部门',
  project_unit: '项目单位',
});

export const STATUS_LABELS = Object.freeze({
  issued: '已下发',
  acknowledged: '已签收',
  plan_submitted: '方案待审',
  in_progress: '整改中',
  submitted: '待认定',
  ongoing: '持续整改',
  closed: '已销号',
  cancelled: '已撤销',
});

export const TYPE_LABELS = Object.freeze({
  immediate: '立行立改',
  deadline: '限期整改',
  phased: '分阶段整改',
  continuous: '持续整改',
});

export const ESCALATION_LABELS = Object.freeze({
  0: '无',
  1: '提醒函',
  2: '督办',
  3: '约谈',
  4: '通报',
});

export const REVIEW_LABELS = Object.freeze({
  rectified: '已整改',
  ongoing: '持续整改',
  not_rectified: '未整改',
});

export const EVALUATION_STATUS_LABELS = Object.freeze({
  draft: '草稿',
  issued: '已下发',
  finished: '已完成',
  cancelled: '已撤销',
});

export const DEADLINE_KIND_LABELS = Object.freeze({
  date: '指定日期',
  calendar_days: '自然日',
  working_days: '工作日',
});

/** The human steps (workflow Update names), worded as the workflow's own 409 reasons word them. */
export const STEP_LABELS = Object.freeze({
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
});

/** Timeline actions: the steps above plus what the workflow's timers record. */
export const TIMELINE_LABELS = Object.freeze({
  ...STEP_LABELS,
  issued: '下发',
  deadline_reminder: '到期提醒',
  overdue: '逾期',
  escalation: '督办升级',
  milestone_due: '阶段目标到期',
  progress_report_due: '进展报告到期',
});

/** `map[code]`, or the code itself when the map does not know it (never an empty cell). */
export function label(map, code) {
  if (code === null || code === undefined || code === '') return '—';
  return Object.prototype.hasOwnProperty.call(map, code) ? map[code] : String(code);
}
