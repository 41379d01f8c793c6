import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { restrictToUnits, UnitScope } from '@rectiflow/auth';
import { SearchTerms, searchTerms } from '@rectiflow/common';
import { EvaluationEntity, RectificationEntity, UnitEntity } from '@rectiflow/persistence';
import type { LedgerFilter, LedgerSort } from './ledger-filter';

/**
 * The ORDER BY expression of each sort, and the same key as a value that round-trips exactly into a keyset
 * condition (DATETIME(3) as text with its microseconds, DATE as YYYY-MM-DD). Every key is NOT NULL and `r.id`
 * breaks ties, so the order is total and both offset paging and keyset batches are stable.
 */
export const SORT_KEYS: Record<LedgerSort, { expr: string; value: string }> = {
  deadline: { expr: 'r.currentDeadline', value: `DATE_FORMAT(r.currentDeadline, '%Y-%m-%d')` },
  updatedAt: { expr: 'r.updatedAt', value: `DATE_FORMAT(r.updatedAt, '%Y-%m-%d %H:%i:%s.%f')` },
  escalationLevel: { expr: 'r.escalationLevel', value: 'r.escalationLevel' },
  // lifecycle order (已下发 … 已销号, 已撤销), written by the projection as statusRank so an index serves it
  status: { expr: 'r.statusRank', value: 'r.statusRank' },
  findingSeq: { expr: 'r.findingSeq', value: 'r.findingSeq' },
};

/** Unit ids the query may return: the caller's scope, narrowed to the unitId filter's subtree when given. */
export interface LedgerUnits {
  scope: UnitScope;
  subtree?: number[];
}

/** The one unit list a query is narrowed to: the scope intersected with the unitId filter's subtree. */
export function effectiveUnits(units: LedgerUnits): UnitScope {
  if (!units.subtree) return units.scope;
  if (units.scope === 'all') return units.subtree;
  const visible = new Set(units.scope);
  return units.subtree.filter((id) => visible.has(id));
}

/**
 * `rectification r` with every filter applied and the unit scope enforced — the one place both the list and the
 * export get their WHERE clause, so they can never disagree about what a caller may see. Only `r` is read:
 * sorting and paging happen on rectification's own indexes (unit × sort key, see migration 1765500000002), a
 * keyword as its bigram tokens on `searchText`, and the wide columns are fetched afterwards by primary key
 * (ledgerRowsByIds). Joined up front, MariaDB prefers to drive the query from `evaluation` and sorts the whole
 * ledger for every page.
 */
export function ledgerQuery(
  db: DataSource,
  f: LedgerFilter,
  units: LedgerUnits,
): SelectQueryBuilder<RectificationEntity> {
  const qb = db.createQueryBuilder(RectificationEntity, 'r');
  restrictToUnits(qb, 'r.unitId', effectiveUnits(units));
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
  if (f.q) {
    // Checked row by row as the export walks its order: its cost is at most one pass over the scope, where
    // FULLTEXT would read every posting of every token for each batch (the list plans this, ledger-page.query).
    const terms = searchTerms(f.q);
    if (terms) keywordTokens(terms)(qb);
    else qb.andWhere('1 = 0'); // no letter or digit: nothing can contain it as a word
  }
  return qb;
}

/** Every token of a keyword checked on the row itself (exact, whatever found the row). */
export function keywordTokens(
  terms: SearchTerms,
): (qb: SelectQueryBuilder<RectificationEntity>) => SelectQueryBuilder<RectificationEntity> {
  return (qb) => {
    terms.tokens.forEach((t, i) => qb.andWhere(`r.searchText LIKE :tok${i}`, { [`tok${i}`]: `%${t}%` }));
    // a one-character word: some token starts with it (tokens are space-separated, 8 digits each)
    terms.prefixes.forEach((p, i) =>
      qb.andWhere(`CONCAT(' ', r.searchText) LIKE :pre${i}`, { [`pre${i}`]: `% ${p}%` }),
    );
    return qb;
  };
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
  run?: (sql: string, params: unknown[]) => Promise<T[]>,
): Promise<T[]> {
  if (ids.length === 0) return [];
  const qb = columns(
    db
      .createQueryBuilder(RectificationEntity, 'r')
      .leftJoin(EvaluationEntity, 'e', 'e.id = r.evaluationId')
      .leftJoin(UnitEntity, 'u', 'u.id = r.unitId'),
  ).where('r.id IN (:...ids)', { ids });
  const rows = run ? await run(...qb.getQueryAndParameters()) : await qb.getRawMany<T>();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is T => r !== undefined);
}

/** 屡查屡犯, by the finding's unique key: a subquery needs no join, so whatever FROM clause a caller builds serves. */
const REPEAT_FINDING =
  'EXISTS (SELECT 1 FROM finding rf WHERE rf.evaluationId = r.evaluationId AND rf.seq = r.findingSeq AND rf.repeatOf IS NOT NULL)';

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
    .addSelect('r.updatedAt', 'updatedAt')
    .addSelect(REPEAT_FINDING, 'repeatFinding');
}

/**
 * The list columns plus the parts of the workflow state the printed ledger shows (plan, evidence, review, …),
 * from the columns the projection writes for them (never JSON paths into `state`: see migration 1765500000001).
 */
export function selectExportColumns<T extends object>(qb: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
  return selectLedgerColumns(qb)
    .addSelect('r.ledgerPlan', 'plan')
    .addSelect('r.ledgerEvidence', 'evidence')
    .addSelect('r.ledgerReview', 'review')
    .addSelect('r.ledgerProgress', 'progress')
    .addSelect('r.ledgerSubmission', 'submission');
}
