/**
 * Catch-up storm: M items issued back-dated (送达日 90 days ago, a 10-day deadline), so on start each records its
 * passed reminders as skipped, becomes overdue and gets rung 1 (提醒函) with its letter and notice — all at once.
 * Measured: time until every item has its 提醒函 in MySQL and its notice in the clerk's inbox, and that nothing is
 * missing or doubled; beside M raw workflows each running one activity with one INSERT, in the same run.
 *
 *   npm run bench -- catch-up-storm [--items 2000] [--runs 3]
 */
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import type { AuthUser } from '../libs/auth/src/auth-user';
import { IssueEvaluationService } from '../libs/rectification/src/issue-evaluation.service';
import { seedSyntheticEvaluation } from '../test/support/synthetic-evaluation';
import { BenchResult, median, round, runWhenMain } from './bench-utils';
import { rawWorkflows } from './support/raw-baselines';
import {
  benchArg,
  BenchStack,
  seedUnits,
  startBenchStack,
  terminateAll,
  waitFor,
} from './support/temporal-bench-stack';

const dayOffset = (days: number): string =>
  new Date(Date.now() + days * 86400_000).toISOString().slice(0, 10);

interface Counts {
  items: number;
  rung1: number;
  notices: number;
  distinctNotices: number;
}

async function counts(s: BenchStack, evaluationId: string, clerkId: number): Promise<Counts> {
  const [rows] = await s.pool.query<never[]>(
    `SELECT
       (SELECT COUNT(*) FROM rectification WHERE evaluationId = ?) AS items,
       (SELECT COUNT(*) FROM rectification_event e JOIN rectification r ON r.id = e.rectificationId
         WHERE r.evaluationId = ? AND e.action = 'escalation') AS rung1,
       (SELECT COUNT(*) FROM notification WHERE evaluationId = ? AND userId = ? AND event = 'escalation') AS notices,
       (SELECT COUNT(DISTINCT rectificationId) FROM notification
         WHERE evaluationId = ? AND userId = ? AND event = 'escalation') AS distinctNotices`,
    [evaluationId, evaluationId, evaluationId, clerkId, evaluationId, clerkId],
  );
  const r = rows[0] as Record<keyof Counts, number>;
  return { items: +r.items, rung1: +r.rung1, notices: +r.notices, distinctNotices: +r.distinctNotices };
}

async function storm(s: BenchStack, m: number, user: AuthUser, deptId: number, clerkId: number) {
  const evaluationId = await seedSyntheticEvaluation(s.pool, m);
  const t0 = performance.now();
  await s.api.get(IssueEvaluationService).issue(
    evaluationId,
    {
      deliveryDate: dayOffset(-90),
      unitId: deptId,
      deadlineRule: { kind: 'calendar_days', days: 10 },
      acknowledgePastDeadlines: true,
    },
    user,
  );
  let last: Counts = { items: 0, rung1: 0, notices: 0, distinctNotices: 0 };
  await waitFor(
    async () => {
      last = await counts(s, evaluationId, clerkId);
      return last.rung1 >= m && last.notices >= m;
    },
    3600_000,
    500,
  );
  const ms = performance.now() - t0;
  // Settle, then count again: a doubled rung or notice would show up now.
  await new Promise((r) => setTimeout(r, 3000));
  const final = await counts(s, evaluationId, clerkId);
  await terminateAll(s.client, [
    `evaluation-${evaluationId}`,
    ...Array.from({ length: m }, (_, i) => `rectification-${evaluationId}-${i + 1}`),
  ]);
  return { ms, final };
}

export async function run(argv: string[] = process.argv.slice(2)): Promise<BenchResult> {
  const m = Number(benchArg(argv, 'items') ?? 2000);
  const runs = Math.max(1, Number(benchArg(argv, 'runs') ?? 3));
  const s = await startBenchStack({ database: 'rectiflow_bench_catchup' });
  try {
    const { deptId } = await seedUnits(s.pool);
    const [clerk] = await s.pool.query<never>(
      `INSERT INTO app_user (username, passwordHash, displayName, role, unitId) VALUES ('bench-clerk', '-', '经办人', 'dept_user', ?)`,
      [deptId],
    );
    const clerkId = (clerk as { insertId: number }).insertId;
    const user: AuthUser = {
      id: 1,
      username: 'bench',
      displayName: '基准测试',
      role: 'bureau_reviewer',
      unitId: 1,
    };
    await rawWorkflows(s, 10, 'warm');
    await storm(s, 10, user, deptId, clerkId);
    const t = { storm: [] as number[], raw: [] as number[] };
    const checks: Counts[] = [];
    for (let r = 0; r < runs; r++) {
      t.raw.push(await rawWorkflows(s, m, `storm-${r}-${Date.now()}`));
      const { ms, final } = await storm(s, m, user, deptId, clerkId);
      t.storm.push(ms);
      checks.push(final);
      process.stderr.write(
        `catch-up-storm: M=${m} run ${r + 1}/${runs}: storm ${round(ms / 1000, 1)} s (${JSON.stringify(final)}), raw ${round(t.raw[r] / 1000, 1)} s\n`,
      );
    }
    return {
      name: 'catch-up-storm',
      description: `${m} back-dated items: time until every 提醒函 is recorded and its notice delivered, vs ${m} raw one-INSERT workflows`,
      items: m,
      runs,
      medianMs: { storm: round(median(t.storm), 0), rawWorkflows: round(median(t.raw), 0) },
      itemsPerSec: round(m / (median(t.storm) / 1000), 1),
      ratioToRawWorkflows: round(median(t.raw) / median(t.storm), 2),
      nothingMissingOrDoubled: checks.every(
        (c) => c.items === m && c.rung1 === m && c.notices === m && c.distinctNotices === m,
      ),
      counts: checks,
    };
  } finally {
    await s.close();
  }
}

runWhenMain(module, run);
