import type { DataSource, SelectQueryBuilder } from 'typeorm';
import type { UnitScope } from '@rectiflow/auth';
import { booleanQuery, SearchTerms, searchTerms } from '@rectiflow/common';
import { EvaluationEntity, RectificationEntity, UnitEntity } from '@rectiflow/persistence';
import type { RawQuery, ServerInfo } from './interactive-query';
import type { LedgerFilter } from './ledger-filter';
import {
  effectiveUnits,
  keywordTokens,
  ledgerQuery,
  LedgerUnits,
  orderedKeys,
  selectLedgerColumns,
  SORT_KEYS,
} from './ledger-query.builder';
import type { LedgerRaw } from './ledger.types';
import type { SearchTokenSample } from './search-token-sample';

/** Counted exactly up to here; above, the total is this limit and marked as a lower bound. */
export const LEDGER_COUNT_LIMIT = 10_000;
/** A scope of up to this many units is paged unit by unit (one short index range each), then merged. */
const MAX_UNIT_BRANCHES = 20;
/** Rows a keyword page (and its count) may walk in sort order before the FULLTEXT index takes over (MariaDB). */
export interface WalkLimits {
  pageRowsExamined: number;
  countRowsExamined: number;
}
const WALK_LIMITS: WalkLimits = { pageRowsExamined: 20_000, countRowsExamined: 10_000 };
/** The FULLTEXT step uses the rarest token and at most this many more that are rare enough to be cheap. */
const FULLTEXT_TOKENS = 3;
const CHEAP_TOKEN_FREQUENCY = 0.02;
/** MariaDB ER_QUERY_RESULT_INCOMPLETE: LIMIT ROWS EXAMINED was reached. */
const ROWS_EXAMINED_REACHED = 1931;

export interface PageRequest {
  filter: LedgerFilter;
  units: LedgerUnits;
  offset: number;
  pageSize: number;
}

export interface PageKeys {
  /** the page's rows with every ledger column, in order */
  rows: LedgerRaw[];
  total: number;
  /** the total is a lower bound (more rows match than were counted) */
  totalIsEstimate: boolean;
}

type Qb = SelectQueryBuilder<RectificationEntity>;
type Narrow = (qb: Qb) => Qb;
type Sql = [string, unknown[]];

/**
 * The ids of one ledger page and the count, planned for the access path (issue 14):
 * - the unit scope is walked unit by unit on the (unitId, sort key) index when it holds a few units — a
 *   department leader's subtree, a reviewer's ?unitId= — so no page sorts the units' whole ledger;
 * - a keyword first walks the page's order checking the bigram tokens row by row (cheap when the keyword is
 *   common: a page fills after a few hundred rows), capped by LIMIT ROWS EXAMINED; when the cap is reached the
 *   keyword is rare, and the FULLTEXT index on its rarest tokens finds the candidates instead (cheap when rare),
 *   every token still checked on each row so the match stays exact;
 * - the count is bounded (LEDGER_COUNT_LIMIT) and skipped when a short page already tells it.
 */
export class LedgerPagePlanner {
  constructor(
    private readonly db: DataSource,
    private readonly sample: SearchTokenSample,
    private readonly limits: WalkLimits = WALK_LIMITS,
  ) {}

  async page(query: RawQuery, server: ServerInfo, req: PageRequest): Promise<PageKeys> {
    const units = effectiveUnits(req.units);
    const filter: LedgerFilter = { ...req.filter, q: undefined };
    if (!req.filter.q) return (await this.keysAndCount(query, req, filter, units, (qb) => qb, null))!;
    const terms = searchTerms(req.filter.q);
    if (!terms) return { rows: [], total: 0, totalIsEstimate: false };
    const every = keywordTokens(terms);
    // Over the whole ledger, a keyword absent from the token sample is rare: walking would only reach the cap.
    const rare = units === 'all' && (await this.sample.estimate(query, terms.tokens, terms.prefixes)) === 0;
    if (server.mariadb && !rare) {
      const walked = await this.keysAndCount(query, req, filter, units, every, this.limits.pageRowsExamined);
      if (walked) return walked;
    }
    const candidates = await this.fulltextTerms(query, terms);
    const narrowed: Narrow = (qb) =>
      every(qb).andWhere('MATCH(r.searchText) AGAINST (:ft IN BOOLEAN MODE)', {
        ft: booleanQuery(candidates),
      });
    // The FULLTEXT index is the access path here: one statement over the scope, not a walk per unit.
    return (await this.keysAndCount(query, req, filter, units, narrowed, null, false))!;
  }

  /** The statement a page starts with (the walk, for a keyword) — for EXPLAIN in the benchmark. */
  firstStatement(req: PageRequest): Sql {
    const units = effectiveUnits(req.units);
    const filter: LedgerFilter = { ...req.filter, q: undefined };
    const terms = req.filter.q ? searchTerms(req.filter.q) : null;
    const narrow: Narrow = terms ? keywordTokens(terms) : (qb) => qb;
    return this.pageSql(req, filter, units, narrow, true);
  }

  /**
   * The page's ids, then the count unless the page tells it. With `examined`, both statements stop after that
   * many rows and the answer is null when either did (the caller then takes another path).
   */
  private async keysAndCount(
    query: RawQuery,
    req: PageRequest,
    filter: LedgerFilter,
    units: UnitScope,
    narrow: Narrow,
    examined: number | null,
    byUnit = true,
  ): Promise<PageKeys | null> {
    const run = async <T>(sql: Sql, cap: number | null): Promise<T[] | null> => {
      if (cap === null) return query<T>(...sql);
      let rows: T[];
      try {
        const limited = /\bLIMIT\s+\d+(\s*,\s*\d+|\s+OFFSET\s+\d+)?\s*$/i.test(sql[0]);
        rows = await query<T>(`${sql[0]} ${limited ? '' : 'LIMIT '}ROWS EXAMINED ${cap}`, sql[1]);
      } catch (e) {
        // a statement that sorts is aborted with an error rather than cut short with a warning
        if (/LIMIT ROWS EXAMINED/i.test(String((e as Error).message))) return null;
        throw e;
      }
      const warnings = await query<{ Code: number }>('SHOW WARNINGS', [], { limited: false });
      return warnings.some((w) => Number(w.Code) === ROWS_EXAMINED_REACHED) ? null : rows;
    };
    const rows = await run<LedgerRaw>(this.pageSql(req, filter, units, narrow, byUnit), examined);
    if (!rows) return null;
    const { offset, pageSize } = req;
    // A short page (not past the end) tells the total without counting.
    if (rows.length < pageSize && (rows.length > 0 || offset === 0))
      return { rows, total: offset + rows.length, totalIsEstimate: false };
    if (examined === null) {
      const [row] = (await run<{ n: string | number }>(this.countSql(filter, units, narrow), null))!;
      const n = Number(row?.n ?? 0);
      return { rows, total: Math.min(n, LEDGER_COUNT_LIMIT), totalIsEstimate: n > LEDGER_COUNT_LIMIT };
    }
    // A keyword's count walks too, as far as the page walk may, and is estimated beyond. A scope EXPLAIN puts
    // above the cap would only reach it (MariaDB counts at least two rows examined per row walked — the index
    // entry and the row — so even a 2× high estimate leaves such a walk unfinishable), so it is estimated at
    // once: the keyword's share in the sample times the scope's size.
    const scopeRows = await this.scopeRows(query, filter, units);
    const walked =
      scopeRows > this.limits.countRowsExamined
        ? null
        : await run<{ n: string | number }>(
            this.walkCountSql(filter, units, narrow),
            this.limits.countRowsExamined,
          );
    if (walked) {
      const n = Number(walked[0]?.n ?? 0);
      return { rows, total: Math.min(n, LEDGER_COUNT_LIMIT), totalIsEstimate: n > LEDGER_COUNT_LIMIT };
    }
    const terms = searchTerms(req.filter.q!)!;
    const share = await this.sample.share(query, terms.tokens, terms.prefixes);
    const atLeast = offset + rows.length + 1;
    const estimate = Math.round(share * scopeRows);
    return { rows, total: Math.min(Math.max(estimate, atLeast), LEDGER_COUNT_LIMIT), totalIsEstimate: true };
  }

  /** How many rows the scope and filters hold without the keyword, as the optimizer estimates (EXPLAIN: index dives). */
  private async scopeRows(query: RawQuery, filter: LedgerFilter, units: UnitScope): Promise<number> {
    const [sql, params] = ledgerQuery(this.db, filter, { scope: units }).select('1').getQueryAndParameters();
    const plan = await query<{ table: string; rows: string | number | null }>(`EXPLAIN ${sql}`, params, {
      limited: false,
    });
    return Math.max(0, ...plan.filter((p) => p.table === 'r').map((p) => Number(p.rows ?? 0)));
  }

  /** The rarest token, and up to FULLTEXT_TOKENS-1 more that are rare enough to cost little (sample estimate). */
  private async fulltextTerms(query: RawQuery, terms: SearchTerms): Promise<SearchTerms> {
    const all = [...terms.tokens, ...terms.prefixes];
    const freq = await this.sample.frequencies(query, all);
    const ranked = [...all].sort((a, b) => freq.get(a)! - freq.get(b)!);
    const chosen = ranked.filter(
      (t, i) => i === 0 || (i < FULLTEXT_TOKENS && freq.get(t)! < CHEAP_TOKEN_FREQUENCY),
    );
    return {
      tokens: chosen.filter((t) => terms.tokens.includes(t)),
      prefixes: chosen.filter((t) => terms.prefixes.includes(t)),
    };
  }

  private pageSql(
    req: PageRequest,
    filter: LedgerFilter,
    units: UnitScope,
    narrow: Narrow,
    byUnit: boolean,
  ): Sql {
    const { offset, pageSize } = req;
    const key = SORT_KEYS[filter.sort];
    const dir = filter.order === 'desc' ? 'DESC' : 'ASC';
    const single = !byUnit || units === 'all' || units.length < 2 || units.length > MAX_UNIT_BRANCHES;
    if (single && offset > 0) {
      // Deeper pages skip `offset` keys on the index alone, then join the columns of the page's rows only.
      const keys = narrow(orderedKeys(ledgerQuery(this.db, filter, { scope: units }), filter))
        .offset(offset)
        .limit(pageSize)
        .getQueryAndParameters();
      return this.withColumns(keys, filter);
    }
    if (single) {
      // One index range in order: the columns are joined as the walk goes (LEFT JOINs keep `r` driving).
      return selectLedgerColumns(
        narrow(ledgerQuery(this.db, filter, { scope: units }))
          .leftJoin(EvaluationEntity, 'e', 'e.id = r.evaluationId')
          .leftJoin(UnitEntity, 'u', 'u.id = r.unitId'),
      )
        .orderBy(key.expr, dir)
        .addOrderBy('r.id', dir)
        .offset(offset)
        .limit(pageSize)
        .getQueryAndParameters();
    }
    // Each unit's first offset+pageSize keys in order from its own index range, merged: the page is among them.
    const branches = units.map((unit) =>
      narrow(orderedKeys(ledgerQuery(this.db, filter, { scope: [unit] }), filter))
        .limit(offset + pageSize)
        .getQueryAndParameters(),
    );
    // sortKey is the key as a value in the same order (SORT_KEYS), so the merge sorts like each branch.
    const keys = `SELECT id, sortKey FROM (${branches.map(([sql]) => `(${sql})`).join(' UNION ALL ')}) AS m
        ORDER BY sortKey ${dir}, id ${dir} LIMIT ${pageSize} OFFSET ${offset}`;
    return this.withColumns([keys, branches.flatMap(([, params]) => params)], filter);
  }

  /**
   * The page's keys as a derived table (materialized: it has a LIMIT, so MariaDB cannot merge it and re-plan
   * from the joined tables) joined by primary key to the ledger columns — one statement per page.
   */
  private withColumns([keys, params]: Sql, filter: LedgerFilter): Sql {
    const columns = selectLedgerColumns(
      this.db
        .createQueryBuilder(RectificationEntity, 'r')
        .leftJoin(EvaluationEntity, 'e', 'e.id = r.evaluationId')
        .leftJoin(UnitEntity, 'u', 'u.id = r.unitId'),
    ).getQuery();
    const from = 'FROM `rectification` `r`';
    if (!columns.includes(from)) throw new Error(`ledger page: unexpected column query ${columns}`);
    const dir = filter.order === 'desc' ? 'DESC' : 'ASC';
    return [
      `${columns.replace(from, `FROM (${keys}) \`k\` INNER JOIN \`rectification\` \`r\` ON \`r\`.\`id\` = \`k\`.\`id\``)} ORDER BY \`k\`.\`sortKey\` ${dir}, \`k\`.\`id\` ${dir}`,
      params,
    ];
  }

  /** A plain COUNT (no bounding LIMIT): LIMIT ROWS EXAMINED bounds it, and a derived table would escape that. */
  private walkCountSql(filter: LedgerFilter, units: UnitScope, narrow: Narrow): Sql {
    return narrow(
      ledgerQuery(this.db, filter, { scope: units }).select('COUNT(*)', 'n'),
    ).getQueryAndParameters();
  }

  private countSql(filter: LedgerFilter, units: UnitScope, narrow: Narrow): Sql {
    const [sql, params] = narrow(ledgerQuery(this.db, filter, { scope: units }).select('1'))
      .limit(LEDGER_COUNT_LIMIT + 1)
      .getQueryAndParameters();
    return [`SELECT COUNT(*) AS n FROM (${sql}) AS bounded`, params];
  }
}
