import type { EntityManager } from 'typeorm';
import type { UnitScope } from '@rectiflow/auth';
import type { EvaluationProgress, RectificationLink } from '@rectiflow/contracts';

// Both shapes are answered to the web: declared once in libs/contracts.
export type { EvaluationProgress, RectificationLink } from '@rectiflow/contracts';

const EMPTY: EvaluationProgress = {
  total: 0,
  open: 0,
  closed: 0,
  ongoing: 0,
  cancelled: 0,
  overdue: 0,
  completionRate: null,
};

/**
 * `AND unitId IN (…)` for a caller's unit scope: a department counts and sees only its own units' items of an
 * evaluation it shares with other units (their items' states are theirs). 'all' adds nothing.
 */
function itemScope(scope: UnitScope): { sql: string; params: unknown[] } {
  if (scope === 'all') return { sql: '', params: [] };
  return scope.length ? { sql: ' AND unitId IN (?)', params: [scope] } : { sql: ' AND 1 = 0', params: [] };
}

export async function progressOf(
  db: EntityManager,
  evaluationIds: string[],
  scope: UnitScope = 'all',
): Promise<Map<string, EvaluationProgress>> {
  const out = new Map<string, EvaluationProgress>();
  if (!evaluationIds.length) return out;
  const units = itemScope(scope);
  const rows: Record<string, string | number>[] = await db.query(
    `SELECT evaluationId,
            COUNT(*) AS total,
            SUM(status = 'closed') AS closed,
            SUM(status = 'ongoing') AS ongoing,
            SUM(status = 'cancelled') AS cancelled,
            SUM(overdue = 1 AND status NOT IN ('closed', 'cancelled')) AS overdue
       FROM rectification WHERE evaluationId IN (?)${units.sql} GROUP BY evaluationId`,
    [evaluationIds, ...units.params],
  );
  for (const r of rows) {
    const [total, closed, ongoing, cancelled, overdue] = [
      'total',
      'closed',
      'ongoing',
      'cancelled',
      'overdue',
    ].map((k) => Number(r[k]));
    const denominator = total - cancelled;
    out.set(String(r.evaluationId), {
      total,
      open: total - closed - cancelled,
      closed,
      ongoing,
      cancelled,
      overdue,
      completionRate: denominator > 0 ? Math.round((closed / denominator) * 10000) / 100 : null,
    });
  }
  for (const id of evaluationIds) if (!out.has(id)) out.set(id, { ...EMPTY });
  return out;
}

export async function rectificationLinks(
  db: EntityManager,
  evaluationId: string,
  scope: UnitScope = 'all',
): Promise<Map<number, RectificationLink>> {
  const units = itemScope(scope);
  const rows: {
    id: string;
    findingSeq: number;
    status: string;
    unitId: number;
    currentDeadline: string | Date;
    overdue: number;
    escalationLevel: number;
  }[] = await db.query(
    `SELECT id, findingSeq, status, unitId, DATE_FORMAT(currentDeadline, "%Y-%m-%d") AS currentDeadline, overdue, escalationLevel FROM rectification WHERE evaluationId = ?${units.sql}`,
    [evaluationId, ...units.params],
  );
  return new Map(
    rows.map((r) => [
      Number(r.findingSeq),
      {
        id: r.id,
        status: r.status,
        unitId: Number(r.unitId),
        currentDeadline: String(r.currentDeadline),
        overdue: Boolean(Number(r.overdue)),
        escalationLevel: Number(r.escalationLevel),
        href: `/api/v1/rectifications/${r.id}`,
      },
    ]),
  );
}
