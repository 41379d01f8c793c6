import type { DataSource } from 'typeorm';
import { AccessScopeService, AuthUser, unitSubtreeIds } from '@rectiflow/auth';
import type { LedgerFilter } from './ledger-filter';
import type { LedgerUnits } from './ledger-query.builder';

/**
 * The caller's scope, and the unitId filter's subtree. A unit outside the scope simply matches nothing (no 404:
 * a list filter is not an item lookup, and an empty result reveals nothing).
 */
export async function ledgerUnits(
  db: DataSource,
  scope: AccessScopeService,
  user: AuthUser,
  filter: LedgerFilter,
): Promise<LedgerUnits> {
  const visible = await scope.visibleUnitIds(user);
  if (filter.unitId === undefined) return { scope: visible };
  return { scope: visible, subtree: await unitSubtreeIds(db.manager, filter.unitId) };
}
