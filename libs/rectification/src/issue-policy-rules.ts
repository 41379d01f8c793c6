import { AppError } from '@rectiflow/common';
import { ESCALATION_LABELS } from '@rectiflow/contracts';
import { AUDIENCES, isAudience } from '@rectiflow/notifications';
import type { IssuePolicyInput } from './issue-policy';

/** Longer than a year is not a reminder or a rung any bureau would plan; it is a typo. */
export const MAX_POLICY_DAYS = 365;

/**
 * Why a policy (in days, as the bureau gives it) cannot be used, in Chinese, or null. Reminders come before the
 * deadline (positive, strictly decreasing: 7,3,1), the four rungs after it (≥ 0, strictly increasing: 1,8,15,30);
 * whole days only, at most a year.
 */
export function policyProblem(p: IssuePolicyInput): string | null {
  const days = (v: unknown): v is number => Number.isInteger(v);
  const r = p.reminderOffsetsDays;
  if (r !== undefined) {
    if (!Array.isArray(r)) return '提醒天数须为整数列表';
    if (!r.every(days)) return '提醒天数须为整数（天）';
    if (r.some((d) => d < 1 || d > MAX_POLICY_DAYS))
      return `提醒天数须在截止日前 1–${MAX_POLICY_DAYS} 天之间`;
    for (let i = 1; i < r.length; i++)
      if (r[i] >= r[i - 1])
        return `提醒天数须从远到近严格递减（如 7、3、1），第 ${i + 1} 项 ${r[i]} 不小于前一项 ${r[i - 1]}`;
  }
  const e = p.escalationOffsetsDays;
  if (e !== undefined) {
    if (!Array.isArray(e) || e.length !== 4) return '督办升级天数须为 4 个整数（提醒函、督办、约谈、通报）';
    if (!e.every(days)) return '督办升级天数须为整数（天）';
    if (e.some((d) => d < 0 || d > MAX_POLICY_DAYS))
      return `督办升级天数须在截止日后 0–${MAX_POLICY_DAYS} 天之间`;
    for (let i = 1; i < 4; i++)
      if (e[i] <= e[i - 1])
        return `督办升级天数须严格递增：${ESCALATION_LABELS[(i + 1) as 1 | 2 | 3 | 4]}（${e[i]} 天）须晚于${
          ESCALATION_LABELS[i as 1 | 2 | 3]
        }（${e[i - 1]} 天）`;
  }
  if (
    p.maxExtensions !== undefined &&
    (!days(p.maxExtensions) || p.maxExtensions < 0 || p.maxExtensions > 10)
  )
    return '最多延期次数须为 0–10 的整数';
  const interval = p.progressReportIntervalDays;
  if (interval !== undefined && (!days(interval) || interval < 1 || interval > MAX_POLICY_DAYS))
    return `进展报告周期须为 1–${MAX_POLICY_DAYS} 天的整数`;
  const who = p.escalationAudiences;
  if (who !== undefined) {
    if (typeof who !== 'object' || who === null || Array.isArray(who))
      return '督办对象须按级别（1–4）列出接收对象';
    for (const [level, list] of Object.entries(who)) {
      if (!['1', '2', '3', '4'].includes(level)) return `督办对象的级别 ${level} 无效（须为 1–4）`;
      const label = ESCALATION_LABELS[Number(level) as 1 | 2 | 3 | 4];
      if (!Array.isArray(list) || list.length === 0) return `${label}的接收对象不能为空`;
      const unknown = list.filter((a) => !isAudience(a));
      if (unknown.length)
        return `${label}的接收对象 ${unknown.join('、')} 无效（可选：${AUDIENCES.join('、')}）`;
    }
  }
  return null;
}

/** Refuses an unusable policy with 400 VALIDATION_FAILED and the reason. */
export function assertPolicy(p: IssuePolicyInput | undefined): void {
  const problem = p ? policyProblem(p) : null;
  if (problem) throw new AppError('VALIDATION_FAILED', problem, { field: 'policy', policy: p });
}
