import { currentDeadline, type RectificationState } from '@rectiflow/contracts';

export interface PlanWarning {
  code: 'MEASURE_AFTER_DEADLINE';
  message: string;
}

/**
 * Warnings about the current plan the reviewer sees before approving: a measure due after the item's deadline
 * means the item will be overdue even if the plan is kept. Not a refusal — the bureau may accept it (and then
 * expect an extension request).
 */
export function planWarnings(state: RectificationState): PlanWarning[] {
  const plan = state.plans[state.plans.length - 1];
  const deadline = state.deadlines.length ? currentDeadline(state).date : null;
  if (!plan || !deadline) return [];
  return plan.measures
    .map((m, i) => ({ m, i }))
    .filter(({ m }) => m.targetDate > deadline)
    .map(({ m, i }) => ({
      code: 'MEASURE_AFTER_DEADLINE' as const,
      message: `整改措施第 ${i + 1} 项「${m.content.slice(0, 40)}」的完成时限 ${m.targetDate} 晚于整改时限 ${deadline}`,
    }));
}
