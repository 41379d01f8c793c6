import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/** What AccessScopeService.visibleUnitIds answers: every unit, or exactly these. */
export type UnitScope = 'all' | number[];

let seq = 0;

/**
 * Narrows a query to rows whose unit column lies in `scope`. Handles the empty scope (no rows, not an SQL error
 * on `IN ()`) and uses a unique parameter name so it can be applied twice to one query.
 *
 *   const scope = await accessScope.visibleUnitIds(user);
 *   restrictToUnits(qb, 'r.unitId', scope);
 */
export function restrictToUnits<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  column: string,
  scope: UnitScope,
): SelectQueryBuilder<T> {
  if (scope === 'all') return qb;
  if (scope.length === 0) return qb.andWhere('1 = 0');
  const param = `scopeUnitIds${++seq}`;
  return qb.andWhere(`${column} IN (:...${param})`, { [param]: scope });
}
