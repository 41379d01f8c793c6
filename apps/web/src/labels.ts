/**
 * Words the API does not send. Statuses, steps, types, rungs and review results come from libs/contracts
 * (re-exported here so pages have one import); roles and unit kinds have no server-side label table.
 */
export {
  ESCALATION_LABELS,
  REVIEW_LABELS,
  STATUS_LABELS,
  STEP_LABELS,
  TIMELINE_LABELS,
  TYPE_LABELS,
} from '@contracts/rectification/rectification-labels';
export {
  ESCALATION_LEVELS,
  FINAL_STATUSES,
  RECTIFICATION_STATUSES,
  RECTIFICATION_TYPES,
  REVIEW_RESULTS,
} from '@contracts/rectification/rectification.types';
import type { Role } from '@contracts/accounts/role';

export const ROLE_LABELS: Record<Role, string> = {
  bureau_admin: '财政局管理员',
  bureau_reviewer: '财政局审核人员',
  bureau_leader: '财政局领导',
  dept_user: '部门经办人',
  dept_leader: '部门负责人',
  auditor: '审计（只读）',
};

export const UNIT_KIND_LABELS: Record<string, string> = {
  bureau: '财政局',
  department: '主管部门',
  project_unit: '项目单位',
};

export const EVALUATION_STATUS_LABELS: Record<string, string> = {
  draft: '草稿',
  issued: '已下发',
  finished: '已完成',
  cancelled: '已撤销',
};

export const STATUS_COLORS: Record<string, string> = {
  issued: 'blue',
  acknowledged: 'cyan',
  plan_submitted: 'gold',
  in_progress: 'processing',
  submitted: 'orange',
  ongoing: 'purple',
  closed: 'success',
  cancelled: 'default',
};

export const ESCALATION_COLORS = ['default', 'gold', 'orange', 'volcano', 'red'];

export const DEADLINE_KIND_LABELS: Record<string, string> = {
  date: '指定日期',
  calendar_days: '自然日',
  working_days: '工作日',
};

export const label = (map: Record<string, string>, code: string | null | undefined): string =>
  code === null || code === undefined || code === '' ? '—' : (map[code] ?? code);
