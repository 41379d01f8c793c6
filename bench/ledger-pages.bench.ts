/**
 * Ledger pages at scale (issue 14 item 3–4, issue 13 §2.4): GET /rectifications' service for the common access
 * paths — a department's page sorted by deadline, its leader's subtree, the status sort, a reviewer's ?unitId=,
 * the overdue filter, keyword search (common and rare), a deep page — against the same SQL in the same run: the
 * statements the service sends, replayed over a plain mysql2 connection. For keywords also the naive FULLTEXT
 * query on every bigram. p50/p95 over several runs each, and EXPLAIN of the service's first statement (the
 * indexes it reads, whether it sorts).
 *
 *   npx tsx bench/ledger-pages.bench.ts [--rows 200000] [--runs 30] [--database-url mysql://…/rectiflow_bench] [--keep] [--reuse] [--cases dept_,reviewer_overdue]
 *   npm run bench -- ledger-pages            (through bench/run.ts, defaults)
 *
 * Creates (drops first) the throwaway database `rectiflow_bench`, migrates it, bulk-inserts N rows
 * (bench/ledger-pages.seed.ts), measures, and drops it unless --keep; --reuse measures a kept database again.
 */
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createConnection, Connection } from 'mysql2/promise';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { AccessScopeService, AuthUser } from '../libs/auth/src';
import { AppConfig } from '../libs/config/src';
import { searchQuery } from '../libs/common/src/search-bigrams';
import {
  effectiveUnits,
  LEDGER_COUNT_LIMIT,
  LedgerFilter,
  LedgerListService,
  LedgerPagePlanner,
  ledgerQuery,
  LedgerUnits,
  orderedKeys,
  PageRequest,
  SearchTokenSample,
  withInteractiveQueries,
} from '../libs/ledger/src';
import { ledgerUnits } from '../libs/ledger/src/ledger-units';
import { buildDataSourceOptions, runMigrations, splitDatabaseUrl } from '../libs/persistence/src';
import { benchArg, benchServerUrl, BenchResult, median, percentile, round, runWhenMain } from './bench-utils';
import { RARE_WORD, seedLedgerPages, SeededLedger } from './ledger-pages.seed';

interface Options {
  rows: number;
  runs: number;
  databaseUrl: string;
  keep: boolean;
  reuse: boolean;
  /** only the cases whose names start with one of these (all when empty) */
  cases: string[];
}

function options(argv: string[]): Options {
  const arg = (name: string): string | undefined => benchArg(argv, name);
  const serverUrl = benchServerUrl('ledger-pages');
  return {
    rows: Number(arg('rows') ?? 200_000),
    runs: Math.max(5, Number(arg('runs') ?? 30)),
    databaseUrl: arg('database-url') ?? `${serverUrl.replace(/\/$/, '')}/rectiflow_bench`,
    keep: argv.includes('--keep'),
    reuse: argv.includes('--reuse'),
    cases: (arg('cases') ?? '').split(',').filter(Boolean),
  };
}

interface Case {
  name: string;
  user: AuthUser;
  filter: LedgerFilter;
  page?: number;
  pageSize?: number;
}

type Timing = { p50: number; p95: number; runs: number };

const summary = (times: number[]): Timing => ({
  p50: round(median(times), 2),
  p95: round(percentile(times, 95), 2),
  runs: times.length,
});

/**
 * Runs `a` and `b` alternately (so a load spike on this shared machine hits both alike) after the warm-ups;
 * p50/p95 of each. A slow pair stops after 30 s of runs (at least 5).
 */
async function timedPair(
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
  runs: number,
  warmups = 3,
): Promise<[Timing, Timing]> {
  for (let i = 0; i < warmups; i++) {
    await a();
    await b();
  }
  const ta: number[] = [];
  const tb: number[] = [];
  const until = performance.now() + 30_000;
  for (let i = 0; i < runs && (i < Math.min(5, runs) || performance.now() < until); i++) {
    let t0 = performance.now();
    await a();
    ta.push(performance.now() - t0);
    t0 = performance.now();
    await b();
    tb.push(performance.now() - t0);
  }
  return [summary(ta), summary(tb)];
}

type Sql = [string, unknown[]];

/**
 * The statements the service sends for this page (recorded on a warmed planner): the baseline replays exactly
 * these over a plain mysql2 connection, so the ratio is the cost of our layer (pool, planning, time limit,
 * TypeORM) over the same SQL. Scope resolution (a leader's subtree query) is in the service's time only.
 */
async function recordStatements(
  ds: DataSource,
  planner: LedgerPagePlanner,
  req: PageRequest,
): Promise<Sql[]> {
  const recorded: Sql[] = [];
  await withInteractiveQueries(ds, { timeoutMs: 0 }, (query, server) =>
    planner.page(
      (sql, params, opts) => {
        recorded.push([sql, params ?? []]);
        return query(sql, params, opts);
      },
      server,
      req,
    ),
  );
  return recorded;
}

/** The naive keyword page for reference: FULLTEXT on every bigram, sorted, with the same bounded count. */
async function naiveFulltext(conn: Connection, ds: DataSource, c: Case, units: LedgerUnits): Promise<void> {
  const ft = searchQuery(c.filter.q!) ?? '';
  const filter = { ...c.filter, q: undefined };
  const match = 'MATCH(r.searchText) AGAINST (? IN BOOLEAN MODE)';
  const [page, params] = orderedKeys(ledgerQuery(ds, filter, units), filter)
    .limit(50)
    .getQueryAndParameters();
  const [count, cparams] = ledgerQuery(ds, filter, units)
    .select('1')
    .limit(LEDGER_COUNT_LIMIT + 1)
    .getQueryAndParameters();
  const where = (sql: string) =>
    /\bWHERE\b/.test(sql)
      ? sql.replace(/\bWHERE\b/, `WHERE ${match} AND`)
      : sql.replace(/(FROM `rectification` `r`)/, `$1 WHERE ${match}`);
  await conn.query(where(page), [ft, ...params]);
  await conn.query(`SELECT COUNT(*) AS n FROM (${where(count)}) AS bounded`, [ft, ...cparams]);
}

/** EXPLAIN of the statement the service sends first: the indexes it reads, and whether a step sorts. */
async function explain(ds: DataSource, planner: LedgerPagePlanner, req: PageRequest) {
  const [sql, params] = planner.firstStatement(req);
  const rows = (await ds.query(`EXPLAIN ${sql}`, params)) as {
    table: string;
    key: string | null;
    type: string;
    rows: number;
    Extra: string;
  }[];
  return rows
    .filter((r) => r.table === 'r')
    .map((r) => ({
      type: r.type,
      key: r.key,
      rows: Number(r.rows),
      filesort: /filesort/i.test(r.Extra ?? ''),
    }));
}

function cases(seed: SeededLedger): Case[] {
  const user = (role: AuthUser['role'], unitId: number): AuthUser => ({
    id: 0,
    username: role,
    displayName: role,
    role,
    unitId,
  });
  const dept = seed.departmentIds[7];
  const clerk = user('dept_user', dept);
  const leader = user('dept_leader', dept);
  const reviewer = user('bureau_reviewer', seed.bureauId);
  const byDeadline: LedgerFilter = { sort: 'deadline', order: 'asc' };
  return [
    { name: 'dept_user_by_deadline', user: clerk, filter: byDeadline },
    { name: 'dept_leader_by_deadline', user: leader, filter: byDeadline },
    { name: 'dept_user_by_status', user: clerk, filter: { sort: 'status', order: 'asc' } },
    { name: 'dept_user_overdue', user: clerk, filter: { ...byDeadline, overdue: true } },
    { name: 'reviewer_unitId_by_deadline', user: reviewer, filter: { ...byDeadline, unitId: dept } },
    { name: 'reviewer_all_by_deadline', user: reviewer, filter: byDeadline },
    { name: 'reviewer_all_by_status_desc', user: reviewer, filter: { sort: 'status', order: 'desc' } },
    { name: 'reviewer_overdue', user: reviewer, filter: { ...byDeadline, overdue: true } },
    { name: 'reviewer_keyword_common', user: reviewer, filter: { ...byDeadline, q: '绩效目标设置' } },
    { name: 'reviewer_keyword_rare_word', user: reviewer, filter: { ...byDeadline, q: RARE_WORD } },
    // worst case: a combination found once, every character pair of which is common (most in every row)
    {
      name: 'reviewer_keyword_rare_of_common_pairs',
      user: reviewer,
      filter: { ...byDeadline, q: seed.rareProjectName },
    },
    { name: 'dept_user_keyword', user: clerk, filter: { ...byDeadline, q: '政府采购' } },
    { name: 'reviewer_deep_page_200', user: reviewer, filter: byDeadline, page: 200, pageSize: 50 },
  ];
}

export async function run(): Promise<BenchResult> {
  const opt = options(process.argv.slice(2));
  const ds = await benchDatabase(opt);
  const conn = await createConnection({ uri: opt.databaseUrl });
  try {
    let seed: SeededLedger;
    if (opt.reuse) seed = await existingSeed(ds);
    else {
      const t0 = performance.now();
      let shown = 0;
      // Bulk load without the secondary indexes, then build each once (sorted) — the migration stays their source.
      const indexes = await dropSecondaryIndexes(ds);
      seed = await seedLedgerPages(ds, opt.rows, (done) => {
        if (done - shown >= opt.rows / 20 || done === opt.rows) {
          shown = done;
          const s = (performance.now() - t0) / 1000;
          process.stderr.write(`ledger-pages bench: ${done}/${opt.rows} rows inserted (${s.toFixed(0)} s)\n`);
        }
      });
      process.stderr.write(`ledger-pages bench: building ${indexes.length} indexes…\n`);
      await restoreIndexes(ds, indexes);
      await ds.query('ANALYZE TABLE rectification, evaluation, unit');
      process.stderr.write(
        `ledger-pages bench: seeded in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`,
      );
    }
    const [{ n: rows }] = (await ds.query('SELECT COUNT(*) AS n FROM rectification')) as { n: string }[];
    const config = {
      notifications: { timezone: 'Asia/Shanghai' },
      // a statement limit as in production (the prefix is part of the cost), long enough for the slowest case
      ledger: { queryTimeoutMs: 30_000 },
    } as AppConfig;
    const scope = new AccessScopeService(ds);
    const service = new LedgerListService(ds, scope, config);
    const planner = new LedgerPagePlanner(ds, new SearchTokenSample());
    const results: Record<string, unknown> = {};
    for (const c of cases(seed).filter(
      (k) => opt.cases.length === 0 || opt.cases.some((n) => k.name.startsWith(n)),
    )) {
      const units = await ledgerUnits(ds, scope, c.user, c.filter);
      const page = await service.list(c.user, c.filter, c.page ?? 1, c.pageSize ?? 50);
      const req: PageRequest = {
        filter: c.filter,
        units,
        offset: ((c.page ?? 1) - 1) * (c.pageSize ?? 50),
        pageSize: c.pageSize ?? 50,
      };
      await recordStatements(ds, planner, req); // warms the token sample
      const statements = await recordStatements(ds, planner, req);
      const [svc, raw] = await timedPair(
        () => service.list(c.user, c.filter, c.page ?? 1, c.pageSize ?? 50),
        async () => {
          for (const [sql, params] of statements) await conn.query(sql, params);
        },
        opt.runs,
      );
      const naive = c.filter.q
        ? (
            await timedPair(
              () => naiveFulltext(conn, ds, c, units),
              async () => undefined,
              3,
              1,
            )
          )[0]
        : undefined;
      const plan = await explain(ds, planner, req);
      const scopeUnits = effectiveUnits(units);
      results[c.name] = {
        service_ms: svc,
        raw_sql_ms: raw,
        ratio_p50: round(svc.p50 / raw.p50, 2),
        ratio_p95: round(svc.p95 / raw.p95, 2),
        statements: statements.length,
        ...(naive ? { naive_fulltext_all_bigrams_ms: naive } : {}),
        total: page.totalIsEstimate ? `${page.total}+` : page.total,
        units: scopeUnits === 'all' ? 'all' : scopeUnits.length,
        explain: plan,
      };
      process.stderr.write(
        `ledger-pages bench: ${c.name.padEnd(30)} service p50 ${svc.p50} / p95 ${svc.p95} ms, raw p50 ${raw.p50} / p95 ${raw.p95} ms, key ${plan.map((p) => p.key).join('+')}${plan.some((p) => p.filesort) ? ' (filesort)' : ''}\n`,
      );
    }
    return {
      name: 'ledger-pages',
      description: `GET /rectifications service vs the same page in hand-written SQL (rows + bounded count), p50/p95 of ${opt.runs} runs, 50 rows a page`,
      rows: Number(rows),
      runs: opt.runs,
      cases: results,
    };
  } finally {
    await conn.end();
    await ds.destroy();
    if (!opt.keep) await dropDatabase(opt.databaseUrl);
  }
}

interface IndexDef {
  name: string;
  unique: boolean;
  fulltext: boolean;
  columns: string[];
}

async function dropSecondaryIndexes(ds: DataSource): Promise<IndexDef[]> {
  const rows = (await ds.query('SHOW INDEX FROM rectification')) as {
    Key_name: string;
    Non_unique: number | string;
    Seq_in_index: number | string;
    Column_name: string;
    Index_type: string;
  }[];
  const defs = new Map<string, IndexDef>();
  for (const r of rows.sort((a, b) => Number(a.Seq_in_index) - Number(b.Seq_in_index))) {
    if (r.Key_name === 'PRIMARY') continue;
    const def = defs.get(r.Key_name) ?? {
      name: r.Key_name,
      unique: Number(r.Non_unique) === 0,
      fulltext: r.Index_type === 'FULLTEXT',
      columns: [],
    };
    def.columns.push(r.Column_name);
    defs.set(r.Key_name, def);
  }
  const all = [...defs.values()];
  if (all.length)
    await ds.query(`ALTER TABLE rectification ${all.map((d) => `DROP KEY \`${d.name}\``).join(', ')}`);
  return all;
}

async function restoreIndexes(ds: DataSource, defs: IndexDef[]): Promise<void> {
  const clause = (d: IndexDef) =>
    `ADD ${d.fulltext ? 'FULLTEXT ' : d.unique ? 'UNIQUE ' : ''}KEY \`${d.name}\` (${d.columns.map((c) => `\`${c}\``).join(', ')})`;
  const plain = defs.filter((d) => !d.fulltext);
  if (plain.length) await ds.query(`ALTER TABLE rectification ${plain.map(clause).join(', ')}`);
  for (const d of defs.filter((x) => x.fulltext)) await ds.query(`ALTER TABLE rectification ${clause(d)}`);
}

/** The units of a kept database, found again by their codes. */
async function existingSeed(ds: DataSource): Promise<SeededLedger> {
  const units = (await ds.query(
    `SELECT id, code, parentId FROM unit WHERE code LIKE 'bench-%' ORDER BY id`,
  )) as {
    id: number;
    code: string;
    parentId: number | null;
  }[];
  const bureau = units.find((u) => u.code === 'bench-bureau')!;
  const departments = units.filter((u) => /^bench-d\d+$/.test(u.code));
  const [{ e }] = (await ds.query('SELECT COUNT(*) AS e FROM evaluation')) as { e: string }[];
  const { projectNameOf } = await import('./ledger-pages.seed');
  return {
    bureauId: Number(bureau.id),
    departmentIds: departments.map((d) => Number(d.id)),
    projectUnitIds: departments.map((d) => units.filter((u) => u.parentId === d.id).map((u) => Number(u.id))),
    rareProjectName: projectNameOf(Math.floor(Number(e) / 2)),
  };
}

async function benchDatabase(opt: Options): Promise<DataSource> {
  if (!opt.reuse) {
    await dropDatabase(opt.databaseUrl);
    const { serverUrl, database } = splitDatabaseUrl(opt.databaseUrl);
    const conn = await createConnection({ uri: serverUrl });
    await conn.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await conn.end();
  }
  await runMigrations({ database: { url: opt.databaseUrl, poolSize: 2 } });
  const ds = new DataSource({
    ...buildDataSourceOptions({ database: { url: opt.databaseUrl, poolSize: 4 } }),
    logging: false,
  });
  return ds.initialize();
}

async function dropDatabase(url: string): Promise<void> {
  const { serverUrl, database } = splitDatabaseUrl(url);
  if (database !== 'rectiflow_bench')
    throw new Error(`refusing to drop ${database}: the bench only drops rectiflow_bench`);
  const conn = await createConnection({ uri: serverUrl });
  await conn.query(`DROP DATABASE IF EXISTS \`${database}\``);
  await conn.end();
}

runWhenMain(module, run, (result) => {
  const json = JSON.stringify({ at: new Date().toISOString(), node: process.version, ...result }, null, 2);
  mkdirSync(resolve(__dirname, '../reports'), { recursive: true });
  writeFileSync(resolve(__dirname, `../reports/ledger-pages-${String(result.rows)}.json`), json);
  return json;
});
