import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { UnitScope } from '@rectiflow/auth';

let seq = 0;

/**
 * Who may read an evaluation: roles that read everything (bureau roles and the auditor) see every
 * evaluation, drafts included. Department roles see an evaluation only once it has left 'draft' and either
 * its responsible department (set at issue) or the unit of one of its rectification items (per-finding
 * overrides, reassignment) is within their unit scope. Outside that, it does not exist (404).
 */
export function canSeeEvaluation(
  scope: UnitScope,
  evaluation: { status: string; departmentUnitId: number | null },
  itemUnitIds: number[] = [],
): boolean {
  if (scope === 'all') return true;
  if (evaluation.status === 'draft') return false;
  return [evaluation.departmentUnitId, ...itemUnitIds].some((u) => u !== null && scope.includes(u));
}

/** The same rule as a WHERE clause on an evaluation alias. */
export function restrictToVisibleEvaluations<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  scope: UnitScope,
): SelectQueryBuilder<T> {
  if (scope === 'all') return qb;
  qb.andWhere(`${alias}.status <> 'draft'`);
  if (scope.length === 0) return qb.andWhere('1 = 0');
  const param = `visibleUnits${++seq}`;
  return qb.andWhere(
    `(${alias}.departmentUnitId IN (:...${param}) OR EXISTS (SELECT 1 FROM rectification vr WHERE vr.evaluationId = ${alias}.id AND vr.unitId IN (:...${param})))`,
    { [param]: scope },
  );
}
