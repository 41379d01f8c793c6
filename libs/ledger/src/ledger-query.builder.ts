import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { restrictToUnits, UnitScope } from '@rectiflow/auth';
import { RECTIFICATION_STATUSES } from '@rectiflow/contracts';
import { EvaluationEntity, RectificationEntity, UnitEntity } from '@rectiflow/persistence';
import type { LedgerFilter, LedgerSort } from './ledger-filter';

/** Lifecycle order rather than alphabetical: 已下发 … 已销号, 已撤销. Built from constants, never from input. */
const STATUS_ORDER = `FIELD(r.status, ${RECTIFICATION_STATUSES.map((s) => `'${s}'`).join(', ')})`;

/**
 * The ORDER BY expression of each sort, and the same key as a value that round-trips exactly into a keyset
 * condition (DATETIME(3) as text with its microseconds, DATE as YYYY-MM-DD). Every key is NOT NULL and `r.id`
 * breaks ties, so the order is total and both offset paging and keyset batches are stable.
 */
export const SORT_KEYS: Record<LedgerSort, { expr: string; value: string }> = {
  deadline: { expr: 'r.currentDeadline', value: `DATE_FORMAT(r.currentDeadline, '%Y-%m-%d')` },
  updatedAt: { expr: 'r.updatedAt', value: `DATE_FORMAT(r.updatedAt, '%Y-%m-%d %H:%i:%s.%f')` },
  escalationLevel: { expr: 'r.escalationLevel', value: 'r.escalationLevel' },
  status: { expr: STATUS_ORDER, value: STATUS_ORDER },
  findingSeq: { expr: 'r.findingSeq', value: 'r.findingSeq' },
};

/** Unit ids the query may return: the caller's scope, narrowed to the unitId filter's subtree when given. */
export interface LedgerUnits {
  scope: UnitScope;
  subtree?: number[];
}

const escapeLike = (s: string): string => s.replace(/[\\%_]/g, '\\$&');

/**
 * `rectification r` with every filter applied and the unit scope enforced — the one place both the list and the
 * export get their WHERE clause, so they can never disagree about what a caller may see. Only `r` is read (the
 * evaluation is joined just for the text search): sorting and paging happen on rectification's own indexes, and
 * the wide columns are fetched afterwards by primary key (ledgerRowsByIds). Joined up front, MariaDB prefers to
 * drive the query from `evaluation` and sorts the whole ledger for every page.
 */
export function ledgerQuery(
  db: DataSource,
  f: LedgerFilter,
  units: LedgerUnits,
): SelectQueryBuilder<RectificationEntity> {
  const qb = db.createQueryBuilder(RectificationEntity, 'r');
  if (f.q) qb.innerJoin(EvaluationEntity, 'e', 'e.id = r.evaluationId');
  restrictToUnits(qb, 'r.unitId', units.scope);
  if (units.subtree) restrictToUnits(qb, 'r.unitId', units.subtree);
  if (f.evaluationId) qb.andWhere('r.evaluationId = :evaluationId', { evaluationId: f.evaluationId });
  if (f.status?.length) qb.andWhere('r.status IN (:...statuses)', { statuses: f.status });
  if (f.type?.length) qb.andWhere('r.type IN (:...types)', { types: f.type });
  if (f.overdue !== undefined) qb.andWhere('r.overdue = :overdue', { overdue: f.overdue ? 1 : 0 });
  if (f.escalationLevel !== undefined)
    qb.andWhere('r.escalationLevel = :level', { level: f.escalationLevel });
  if (f.minEscalationLevel !== undefined)
    qb.andWhere('r.escalationLevel >= :minLevel', { minLevel: f.minEscalationLevel });
  if (f.deadlineFrom) qb.andWhere('r.currentDeadline >= :deadlineFrom', { deadlineFrom: f.deadlineFrom });
  if (f.deadlineTo) qb.andWhere('r.currentDeadline <= :deadlineTo', { deadlineTo: f.deadlineTo });
  if (f.q) qb.andWhere('(r.findingTitle LIKE :q OR e.projectName LIKE :q)', { q: `%${escapeLike(f.q)}%` });
  return qb;
}

/** The ids (and sort keys) of the filtered ledger in its order: `ORDER BY key, id` on rectification alone. */
export function orderedKeys(
  qb: SelectQueryBuilder<RectificationEntity>,
  f: LedgerFilter,
): SelectQueryBuilder<RectificationEntity> {
  const key = SORT_KEYS[f.sort];
  const dir = f.order === 'desc' ? 'DESC' : 'ASC';
  return qb
    .select('r.id', 'id')
    .addSelect(key.value, 'sortKey')
    .orderBy(key.expr, dir)
    .addOrderBy('r.id', dir);
}

/** The rows of these ids with the given columns, in the order of `ids` (one query by primary key). */
export async function ledgerRowsByIds<T extends { id: string }>(
  db: DataSource,
  ids: string[],
  columns: (qb: SelectQueryBuilder<RectificationEntity>) => SelectQueryBuilder<RectificationEntity>,
): Promise<T[]> {
  if (ids.length === 0) return [];
  const qb = db
    .createQueryBuilder(RectificationEntity, 'r')
    .leftJoin(EvaluationEntity, 'e', 'e.id = r.evaluationId')
    .leftJoin(UnitEntity, 'u', 'u.id = r.unitId');
  const rows = await columns(qb).where('r.id IN (:...ids)', { ids }).getRawMany<T>();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is T => r !== undefined);
}

/** The columns every ledger row shows (list and export); dates as text so no time zone touches them. */
export function selectLedgerColumns<T extends object>(qb: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
  return qb
    .select('r.id', 'id')
    .addSelect('r.evaluationId', 'evaluationId')
    .addSelect('e.title', 'evaluationTitle')
    .addSelect('e.projectName', 'projectName')
    .addSelect('e.score', 'score')
    .addSelect('e.grade', 'grade')
    .addSelect('r.findingSeq', 'findingSeq')
    .addSelect('r.findingTitle', 'findingTitle')
    .addSelect('r.status', 'status')
    .addSelect('r.type', 'type')
    .addSelect('r.unitId', 'unitId')
    .addSelect('u.name', 'unitName')
    .addSelect('r.responsiblePerson', 'responsiblePerson')
    .addSelect(`DATE_FORMAT(r.originalDeadline, '%Y-%m-%d')`, 'originalDeadline')
    .addSelect(`DATE_FORMAT(r.currentDeadline, '%Y-%m-%d')`, 'currentDeadline')
    .addSelect('r.extensionCount', 'extensionCount')
    .addSelect('r.overdue', 'overdue')
    .addSelect('r.escalationLevel', 'escalationLevel')
    .addSelect('r.maxEscalationLevel', 'maxEscalationLevel')
    .addSelect('r.deadlineProvisional', 'deadlineProvisional')
    .addSelect('r.reboundOf', 'reboundOf')
    .addSelect('r.evidenceCount', 'evidenceCount')
    .addSelect('r.lastReviewResult', 'lastReviewResult')
    .addSelect('r.closedAt', 'closedAt')
    .addSelect('r.cancelledAt', 'cancelledAt')
    .addSelect('r.updatedAt', 'updatedAt');
}

/** The list columns plus the parts of the workflow state the printed ledger shows (plan, evidence, review, …). */
export function selectExportColumns<T extends object>(qb: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
  return selectLedgerColumns(qb)
    .addSelect(`JSON_EXTRACT(r.state, '$.plans[last]')`, 'plan')
    .addSelect(`JSON_EXTRACT(r.state, '$.evidence')`, 'evidence')
    .addSelect(`JSON_EXTRACT(r.state, '$.reviews[last]')`, 'review')
    .addSelect(`JSON_EXTRACT(r.state, '$.progressReports[last]')`, 'progress')
    .addSelect(`JSON_EXTRACT(r.state, '$.submissions[last]')`, 'submission');
}
