import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { restrictToUnits, type UnitScope } from '@rectiflow/auth';
import { FINAL_STATUSES } from '@rectiflow/contracts';

/** SQL for "still open" on the rectification alias r (not 已销号 / 已撤销). */
export const OPEN_SQL = `r.status NOT IN (${FINAL_STATUSES.map((s) => `'${s}'`).join(', ')})`;

/** The rectification read model narrowed to the caller's units — the start of every dashboard figure. */
export function scopedItems(db: DataSource, scope: UnitScope): SelectQueryBuilder<object> {
  return restrictToUnits(db.createQueryBuilder().from('rectification', 'r'), 'r.unitId', scope);
}

export const num = (v: unknown): number => Number(v ?? 0);
