/**
 * Step round trip: an HTTP 签收 (POST /rectifications/:id/acknowledge — auth, scope, Update, projection, audit)
 * against a raw Update that runs one activity with one INSERT, measured in the same run on the same servers,
 * sequentially and with 10 and 50 concurrent clients; every request goes to its own item. Target p50 ≤ 1.2× raw.
 * A second baseline runs that INSERT as a local activity, as a step's projection does: the like-for-like ratio.
 * The same 签收 sent as a bare Update (no HTTP, no API) splits the difference between the API and the workflow.
 *
 *   npx tsx bench/step-roundtrip.bench.ts [--requests 15] [--runs 1]
 *   npm run bench -- step-roundtrip
 */
import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import type { AuthUser } from '../libs/auth/src/auth-user';
import { rectificationUpdates } from '../libs/contracts/src';
import { toActor } from '../libs/rectification/src/actor';
import { IssueEvaluationService } from '../libs/rectification/src/issue-evaluation.service';
import { createUserAndLogin } from '../test/support/auth';
import type { TestStack } from '../test/support/test-stack';
import { BenchResult, median, percentile, round, runWhenMain } from './bench-utils';
import { rawStepUpdate } from './support/raw-engine.workflows';
import { benchArg, mapBounded, startBenchStack, terminateAll, waitFor } from './support/temporal-bench-stack';
import { seedSyntheticEvaluation } from '../test/support/synthetic-evaluation';

const CONCURRENCY = [1, 10, 50];

const pct = (values: number[], p: number): number => round(percentile(values, p), 1);

export async function run(argv: string[] = process.argv.slice(2)): Promise<BenchResult> {
  const perLevel = Number(benchArg(argv, 'requests') ?? 30);
  const runs = Math.max(1, Number(benchArg(argv, 'runs') ?? 1));
  const s = await startBenchStack({ database: 'rectiflow_bench_issuing' });
  const stack = s as unknown as TestStack;
  const server = await s.api.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
  try {
    const reviewer = await createUserAndLogin(stack, { role: 'bureau_reviewer' });
    const dept = await createUserAndLogin(stack, { role: 'dept_user' });
    const need = CONCURRENCY.reduce((n, c) => n + Math.max(perLevel, c), 0) * runs + 5;
    // Half the items take the step over HTTP, half as a bare Update (the split between API and workflow).
    const evaluationId = await seedSyntheticEvaluation(s.pool, 2 * need);
    await s.api
      .get(IssueEvaluationService)
      .issue(
        evaluationId,
        { deliveryDate: new Date().toISOString().slice(0, 10), unitId: dept.unitId },
        reviewer.user as unknown as AuthUser,
      );
    await waitFor(async () => {
      const [rows] = await s.pool.query<never[]>(
        `SELECT COUNT(*) AS c FROM rectification WHERE evaluationId = ? AND status = 'issued'`,
        [evaluationId],
      );
      return Number((rows[0] as { c: number }).c) >= 2 * need;
    }, 900_000);
    const batch = randomUUID().slice(0, 8);
    const rawIds = Array.from({ length: need }, (_, i) => `raw-sleeper-${batch}-${i}`);
    const localIds = Array.from({ length: need }, (_, i) => `raw-local-sleeper-${batch}-${i}`);
    await mapBounded([...rawIds, ...localIds], 16, (id) =>
      s.client.workflow.start('rawSleeperWorkflow', {
        taskQueue: s.rawTaskQueue,
        workflowId: id,
        args: [batch, id.startsWith('raw-local-')],
      }),
    );
    let nextItem = 1;
    let nextBare = need + 1;
    const actor = toActor(dept.user as unknown as AuthUser);
    const httpStep = async (): Promise<number> => {
      const id = `rectification-${evaluationId}-${nextItem++}`;
      const t0 = performance.now();
      const res = await fetch(`${base}/rectifications/${id}/acknowledge`, {
        method: 'POST',
        headers: { ...dept.auth, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
        body: '{}',
      });
      if (res.status !== 200 && res.status !== 201)
        throw new Error(`签收 answered ${res.status}: ${await res.text()}`);
      await res.arrayBuffer();
      return performance.now() - t0;
    };
    /** A raw Update on the next of these sleepers (each request its own workflow, like the items). */
    const rawUpdateOn = (ids: string[]) => {
      let next = 0;
      return async (): Promise<number> => {
        const id = ids[next++];
        const t0 = performance.now();
        await s.client.workflow.getHandle(id).executeUpdate(rawStepUpdate, { args: [randomUUID()] });
        return performance.now() - t0;
      };
    };
    const rawStep = rawUpdateOn(rawIds);
    const localStep = rawUpdateOn(localIds);
    const bareStep = async (): Promise<number> => {
      const id = `rectification-${evaluationId}-${nextBare++}`;
      const t0 = performance.now();
      await s.client.workflow
        .getHandle(id)
        .executeUpdate(rectificationUpdates.acknowledge, { args: [{ actor }], updateId: randomUUID() });
      return performance.now() - t0;
    };
    // Warm-up (connections, caches), unmeasured.
    await httpStep();
    await rawStep();
    await localStep();
    await bareStep();
    const levels = [];
    for (const c of CONCURRENCY) {
      const n = Math.max(perLevel, c);
      const step: number[] = [];
      const raw: number[] = [];
      const rawLocal: number[] = [];
      const bare: number[] = [];
      for (let r = 0; r < runs; r++) {
        raw.push(...(await mapBounded(Array.from({ length: n }), c, rawStep)));
        rawLocal.push(...(await mapBounded(Array.from({ length: n }), c, localStep)));
        step.push(...(await mapBounded(Array.from({ length: n }), c, httpStep)));
        bare.push(...(await mapBounded(Array.from({ length: n }), c, bareStep)));
      }
      const row = {
        concurrency: c,
        requests: n * runs,
        httpStepMs: { p50: pct(step, 50), p95: pct(step, 95), p99: pct(step, 99) },
        bareUpdateMs: { p50: pct(bare, 50), p95: pct(bare, 95), p99: pct(bare, 99) },
        rawUpdateMs: { p50: pct(raw, 50), p95: pct(raw, 95), p99: pct(raw, 99) },
        rawLocalUpdateMs: { p50: pct(rawLocal, 50), p95: pct(rawLocal, 95), p99: pct(rawLocal, 99) },
        p50Ratio: round(median(step) / median(raw), 2),
        p50RatioToLocal: round(median(step) / median(rawLocal), 2),
      };
      process.stderr.write(`step-roundtrip: ${JSON.stringify(row)}\n`);
      levels.push(row);
    }
    await terminateAll(s.client, [
      ...rawIds,
      ...localIds,
      `evaluation-${evaluationId}`,
      ...Array.from({ length: 2 * need }, (_, i) => `rectification-${evaluationId}-${i + 1}`),
    ]);
    return {
      name: 'step-roundtrip',
      description:
        'HTTP 签收 vs a raw Update running one INSERT (activity; and local activity, like-for-like), p50/p95/p99 at 1, 10, 50 concurrent clients, and the same 签收 as a bare Update; target p50 ≤ 1.2× raw',
      levels,
    };
  } finally {
    await s.close();
  }
}

runWhenMain(module, run);
