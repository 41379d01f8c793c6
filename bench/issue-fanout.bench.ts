/**
 * Issue fan-out: findings/s from 下发 until every rectification row is in MySQL with its first timeline event,
 * beside two raw-engine baselines measured in the same run on the same servers:
 *   raw-workflows — N workflows started by a client, each running one activity with one INSERT;
 *   raw-children  — one parent starting N such children.
 *
 *   npx tsx bench/issue-fanout.bench.ts [--sizes 100,500,2000] [--runs 3]
 *   npm run bench -- issue-fanout
 *
 * Uses the throwaway database rectiflow_bench_issuing (dropped and migrated first) and the local Temporal dev
 * server (namespace rectiflow-test, a fresh task queue); the items a run issued are terminated after it.
 */
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { IssueEvaluationService } from '../libs/rectification/src/issue-evaluation.service';
import type { AuthUser } from '../libs/auth/src/auth-user';
import { BenchResult, median, round, runWhenMain } from './bench-utils';
import {
  benchArg,
  BenchStack,
  seedUnits,
  startBenchStack,
  terminateAll,
  waitFor,
} from './support/temporal-bench-stack';
import { rawWorkflows, waitRaw } from './support/raw-baselines';
import { seedSyntheticEvaluation } from '../test/support/synthetic-evaluation';

/** The delivery date is today, so no deadline has passed and only 下发 happens (no overdue ladder). */
const today = (): string => new Date().toISOString().slice(0, 10);

async function rawChildren(s: BenchStack, n: number, tag: string): Promise<number> {
  const batch = `ch-${tag}`;
  const t0 = performance.now();
  await s.client.workflow.start('rawParentWorkflow', {
    taskQueue: s.rawTaskQueue,
    workflowId: `raw-parent-${batch}`,
    args: [batch, n],
  });
  await waitRaw(s, batch, n);
  return performance.now() - t0;
}

/** ms from 下发 until the first row, half, nine tenths and all of them are in: a slow tail and a slow rate differ. */
interface IssueMarks {
  first: number;
  half: number;
  ninetyPct: number;
  all: number;
}

async function issue(s: BenchStack, n: number, user: AuthUser, deptId: number): Promise<IssueMarks> {
  const evaluationId = await seedSyntheticEvaluation(s.pool, n);
  const service = s.api.get(IssueEvaluationService);
  const t0 = performance.now();
  const marks: Partial<IssueMarks> = {};
  await service.issue(evaluationId, { deliveryDate: today(), unitId: deptId }, user);
  await waitFor(async () => {
    const [rows] = await s.pool.query<never[]>(
      `SELECT COUNT(*) AS c FROM rectification r
         JOIN rectification_event e ON e.rectificationId = r.id AND e.action = 'issued'
        WHERE r.evaluationId = ?`,
      [evaluationId],
    );
    const done = Number((rows[0] as { c: number }).c);
    const at = performance.now() - t0;
    if (done > 0) marks.first ??= at;
    if (done >= n / 2) marks.half ??= at;
    if (done >= n * 0.9) marks.ninetyPct ??= at;
    return done >= n;
  }, 600_000);
  const ms = performance.now() - t0;
  await terminateAll(s.client, [
    `evaluation-${evaluationId}`,
    ...Array.from({ length: n }, (_, i) => `rectification-${evaluationId}-${i + 1}`),
  ]);
  return { first: marks.first!, half: marks.half!, ninetyPct: marks.ninetyPct!, all: ms };
}

export async function run(argv: string[] = process.argv.slice(2)): Promise<BenchResult> {
  const sizes = (benchArg(argv, 'sizes') ?? '100,500,2000').split(',').map(Number);
  const runs = Math.max(1, Number(benchArg(argv, 'runs') ?? 3));
  const s = await startBenchStack();
  try {
    const { deptId } = await seedUnits(s.pool);
    const user: AuthUser = {
      id: 1,
      username: 'bench',
      displayName: '基准测试',
      role: 'bureau_reviewer',
      unitId: 1,
    };
    // Warm-up: bundles, connections and caches, unmeasured.
    await rawWorkflows(s, 10, 'warm');
    await issue(s, 10, user, deptId);
    const bySize = [];
    for (const n of sizes) {
      const t = { rawWorkflows: [] as number[], rawChildren: [] as number[], issue: [] as number[] };
      const marks: IssueMarks[] = [];
      for (let r = 0; r < runs; r++) {
        const tag = `${n}-${r}-${Date.now()}`;
        t.rawWorkflows.push(await rawWorkflows(s, n, tag));
        t.rawChildren.push(await rawChildren(s, n, tag));
        const m = await issue(s, n, user, deptId);
        marks.push(m);
        t.issue.push(m.all);
        const sec = (ms: number) => round(ms / 1000, 1);
        process.stderr.write(
          `issue-fanout: N=${n} run ${r + 1}/${runs}: raw ${sec(t.rawWorkflows[r])} s, children ${sec(t.rawChildren[r])} s, issue ${sec(m.all)} s (first row ${sec(m.first)} s, half ${sec(m.half)} s, 90% ${sec(m.ninetyPct)} s)\n`,
        );
      }
      const perSec = (ms: number[]) => round(n / (median(ms) / 1000), 1);
      bySize.push({
        findings: n,
        runs,
        issueFindingsPerSec: perSec(t.issue),
        rawWorkflowsPerSec: perSec(t.rawWorkflows),
        rawChildrenPerSec: perSec(t.rawChildren),
        ratioToRawWorkflows: round(median(t.rawWorkflows) / median(t.issue), 2),
        ratioToRawChildren: round(median(t.rawChildren) / median(t.issue), 2),
        medianMs: {
          issue: round(median(t.issue), 0),
          issueFirstRow: round(median(marks.map((m) => m.first)), 0),
          issueHalf: round(median(marks.map((m) => m.half)), 0),
          issueNinetyPct: round(median(marks.map((m) => m.ninetyPct)), 0),
          rawWorkflows: round(median(t.rawWorkflows), 0),
          rawChildren: round(median(t.rawChildren), 0),
        },
      });
    }
    return {
      name: 'issue-fanout',
      description:
        'findings/s from 下发 until every rectification row and its first event are in MySQL, vs N raw workflows (one activity, one INSERT) and one raw parent starting N such children; target ≥ 0.8× raw',
      sizes: bySize,
    };
  } finally {
    await s.close();
  }
}

runWhenMain(module, run);
