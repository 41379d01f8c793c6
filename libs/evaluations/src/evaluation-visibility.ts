import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { restrictToUnits, type UnitScope } from '@rectiflow/auth';

/**
 * Who may read an evaluation: roles that read everything (bureau roles and the auditor) see every
 * evaluation, drafts included. Department roles see an evaluation only once it has left 'draft' and its
 * responsible department (set at issue) is within their unit scope. Outside that, it does not exist (404).
 */
export function canSeeEvaluation(
  scope: UnitScope,
  evaluation: { status: string; departmentUnitId: number | null },
): boolean {
  if (scope === 'all') return true;
  if (evaluation.status === 'draft' || evaluation.departmentUnitId === null) return false;
  return scope.includes(evaluation.departmentUnitId);
}

/** The same rule as a WHERE clause on an evaluation alias. */
export function restrictToVisibleEvaluations<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  scope: UnitScope,
): SelectQueryBuilder<T> {
  if (scope === 'all') return qb;
  qb.andWhere(`${alias}.status <> 'draft'`);
  return restrictToUnits(qb, `${alias}.departmentUnitId`, scope);
}
