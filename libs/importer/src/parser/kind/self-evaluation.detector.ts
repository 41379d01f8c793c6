import type { KindInput } from './kind-input';

/** 部门整体支出绩效自评报告, 项目支出绩效自评表 and the like. */
export function isSelfEvaluation(input: KindInput): boolean {
  if (/自评/.test(input.head)) return true;
  return input.segments.some((s) => /^(?:自评得分|自评等级|自评结论|自评结果|自评分数)/.test(s));
}
