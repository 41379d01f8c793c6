/**
 * Ledger export: the streamed 整改台账 (keyset batches → exceljs WorkbookWriter) against a baseline measured in
 * the same run — the same rows read in one query into an in-memory ExcelJS.Workbook and then written out, which
 * is what a naive export does. Both write the same cells (ledgerCells) to a byte-counting sink.
 *
 *   npx tsx bench/ledger-export.bench.ts [--rows 20000] [--runs 3] [--batch 1000] [--database-url mysql://…/rectiflow_bench] [--keep]
 *   npm run bench -- ledger-export            (through bench/run.ts, defaults)
 *
 * Creates (drops first) the throwaway database `rectiflow_bench` on the configured MySQL/MariaDB server (from
 * DATABASE_URL via loadConfig, or mysql://root@127.0.0.1:3306 when no configuration is found), migrates it,
 * inserts N rectifications with realistic state JSON, measures, and drops it again unless --keep.
 * Prints one JSON object when run directly.
 */
import 'reflect-metadata';
import { AuditService } from '../libs/audit/src/audit.service';
import { AuditLogEntity } from '../libs/persistence/src/entities/audit-log.entity';
import ExcelJS from 'exceljs';
import { createConnection } from 'mysql2/promise';
import { Writable } from 'node:stream';
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import { DataSource } from 'typeorm';
import { AccessScopeService, AuthUser } from '../libs/auth/src';
import { AppConfig } from '../libs/config/src';
import {
  columnStyle,
  LEDGER_COLUMNS,
  ledgerCells,
  LedgerExportRaw,
  LedgerExportService,
  LedgerFilter,
  ledgerQuery,
  ledgerRowsByIds,
  orderedKeys,
  OVERDUE_FILL,
  selectExportColumns,
} from '../libs/ledger/src';
import { buildDataSourceOptions, runMigrations, splitDatabaseUrl } from '../libs/persistence/src';
import { benchArg, benchServerUrl, BenchResult, median, round, runWhenMain } from './bench-utils';
import { seedLedger } from './ledger-export.seed';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

interface Options {
  rows: number;
  runs: number;
  batch: number;
  databaseUrl: string;
  keep: boolean;
}

function options(argv: string[]): Options {
  const arg = (name: string): string | undefined => benchArg(argv, name);
  const serverUrl = benchServerUrl('ledger-export');
  return {
    rows: Number(arg('rows') ?? 20_000),
    runs: Math.max(3, Number(arg('runs') ?? 3)),
    batch: Number(arg('batch') ?? 1000),
    databaseUrl: arg('database-url') ?? `${serverUrl.replace(/\/$/, '')}/rectiflow_bench`,
    keep: argv.includes('--keep'),
  };
}

/** Counts bytes and throws them away, asynchronously like a socket would. */
class CountingSink extends Writable {
  bytes = 0;
  override _write(chunk: Buffer, _enc: BufferEncoding, cb: () => void): void {
    this.bytes += chunk.length;
    setImmediate(cb);
  }
}

/** Peak RSS over a measured section: sampled every few ms, and the kernel's high-water mark if it rose. */
async function measure(
  fn: () => Promise<number>,
): Promise<{ ms: number; peakRssDelta: number; bytes: number }> {
  gc();
  await new Promise((r) => setTimeout(r, 50));
  const base = process.memoryUsage.rss();
  const maxBefore = process.resourceUsage().maxRSS * 1024;
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5);
  const t0 = performance.now();
  const bytes = await fn();
  const ms = performance.now() - t0;
  clearInterval(timer);
  const maxAfter = process.resourceUsage().maxRSS * 1024;
  if (maxAfter > maxBefore) peak = Math.max(peak, maxAfter);
  return { ms, peakRssDelta: Math.max(0, peak - base), bytes };
}

async function streamed(
  exporter: LedgerExportService,
  user: AuthUser,
  filter: LedgerFilter,
  batch: number,
): Promise<number> {
  const sink = new CountingSink();
  const ledger = await exporter.open(user, filter, { batchSize: batch });
  const { rows } = await ledger.writeTo(sink);
  if (rows === 0) throw new Error('no rows exported');
  return sink.bytes;
}

/** The naive way: every row in memory, a whole Workbook in memory, then written. */
async function inMemory(ds: DataSource, filter: LedgerFilter): Promise<number> {
  const ids = (
    await orderedKeys(ledgerQuery(ds, filter, { scope: 'all' }), filter).getRawMany<{ id: string }>()
  ).map((k) => k.id);
  const rows = await ledgerRowsByIds<LedgerExportRaw>(ds, ids, selectExportColumns);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('整改台账', { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.columns = LEDGER_COLUMNS.map((c) => ({ width: c.width, style: columnStyle(c.kind) }));
  sheet.addRow(['整改台账']);
  sheet.addRow(LEDGER_COLUMNS.map((c) => c.header));
  const now = new Date();
  rows.forEach((raw, i) => {
    const { cells, overdue } = ledgerCells(raw, i + 1, now, 'Asia/Shanghai');
    const row = sheet.addRow(cells);
    if (overdue) row.eachCell({ includeEmpty: true }, (cell) => (cell.fill = OVERDUE_FILL));
  });
  const sink = new CountingSink();
  await workbook.xlsx.write(sink);
  return sink.bytes;
}

export async function run(): Promise<BenchResult> {
  const opt = options(process.argv.slice(2));
  const ds = await createBenchDatabase(opt.databaseUrl);
  try {
    process.stderr.write(`ledger-export bench: inserting ${opt.rows} rows…\n`);
    await seedLedger(ds, opt.rows);
    const config = { notifications: { timezone: 'Asia/Shanghai' } } as AppConfig;
    const exporter = new LedgerExportService(
      ds,
      new AccessScopeService(ds),
      config,
      new AuditService(ds.getRepository(AuditLogEntity)),
    );
    const user: AuthUser = {
      id: 0,
      username: 'bench',
      displayName: 'bench',
      role: 'bureau_admin',
      unitId: 1,
    };
    const filter: LedgerFilter = { sort: 'deadline', order: 'asc' };

    await streamed(exporter, user, filter, opt.batch); // warm-up (JIT, pool, buffer pool)
    const stream = [];
    for (let i = 0; i < opt.runs; i++)
      stream.push(await measure(() => streamed(exporter, user, filter, opt.batch)));
    // The baseline runs second: RSS rarely shrinks back, so measuring it first would inflate the streamed figures.
    const base = [];
    for (let i = 0; i < opt.runs; i++) base.push(await measure(() => inMemory(ds, filter)));

    const summary = (runs: { ms: number; peakRssDelta: number; bytes: number }[]) => {
      const ms = median(runs.map((r) => r.ms));
      return {
        median_ms: round(ms, 1),
        runs_ms: runs.map((r) => round(r.ms, 1)),
        peak_rss_delta_mb: round(median(runs.map((r) => r.peakRssDelta)) / 1048576, 1),
        rows_per_s: Math.round(opt.rows / (ms / 1000)),
        xlsx_bytes: runs[0].bytes,
      };
    };
    const s = summary(stream);
    const b = summary(base);
    return {
      name: 'ledger-export',
      description: `streamed 整改台账 export (keyset batches of ${opt.batch} → exceljs WorkbookWriter) vs in-memory ExcelJS.Workbook of the same rows, median of ${opt.runs} runs`,
      rows: opt.rows,
      runs: opt.runs,
      streaming: s,
      baseline_in_memory: b,
      ratio_vs_baseline: {
        time: round(s.median_ms / b.median_ms, 2),
        peak_rss: b.peak_rss_delta_mb > 0 ? round(s.peak_rss_delta_mb / b.peak_rss_delta_mb, 3) : null,
      },
    };
  } finally {
    await ds.destroy();
    if (!opt.keep) await dropDatabase(opt.databaseUrl);
  }
}

async function createBenchDatabase(url: string): Promise<DataSource> {
  await dropDatabase(url);
  const { serverUrl, database } = splitDatabaseUrl(url);
  const conn = await createConnection({ uri: serverUrl });
  await conn.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await conn.end();
  await runMigrations({ database: { url, poolSize: 2 } });
  const ds = new DataSource({
    ...buildDataSourceOptions({ database: { url, poolSize: 4 } }),
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

runWhenMain(module, run);
