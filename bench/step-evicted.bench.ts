/**
 * A step on an item the worker no longer holds in its workflow cache: 批准方案 over HTTP on items that already went
 * through 下发, 签收 and 提交方案, with a worker whose cache is off (TEMPORAL_MAX_CACHED_WORKFLOWS=0, so every
 * workflow task replays the item's history first) beside the same step on a worker that holds every item
 * (the default cache), in the same run on the same servers. Tells what an eviction costs a user and so how to size
 * the cache (README: memory budget).
 *
 *   npm run bench -- step-evicted [--items 30]
 */
import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import type { AuthUser } from '../libs/auth/src/auth-user';
import { IssueEvaluationService } from '../libs/rectification/src/issue-evaluation.service';
import { createUserAndLogin, TestAccount } from '../test/support/auth';
import { seedSyntheticEvaluation } from '../test/support/synthetic-evaluation';
import type { TestStack } from '../test/support/test-stack';
import { BenchResult, median, percentile, round, runWhenMain } from './bench-utils';
import { benchArg, BenchStack, startBenchStack, terminateAll, waitFor } from './support/temporal-bench-stack';

const today = (): string => new Date().toISOString().slice(0, 10);
const inDays = (d: number): string => new Date(Date.now() + d * 86400_000).toISOString().slice(0, 10);

interface Prepared {
  s: BenchStack;
  base: string;
  dept: TestAccount;
  reviewer: TestAccount;
  ids: string[];
}

async function post(base: string, who: TestAccount, id: string, path: string, body: object): Promise<void> {
  const res = await fetch(`${base}/rectifications/${id}/${path}`, {
    method: 'POST',
    headers: { ...who.auth, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify(body),
  });
  if (res.status !== 200) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
  await res.arrayBuffer();
}

/** A stack whose items have each been issued, acknowledged and given a plan: the measured step approves it. */
async function prepare(name: string, items: number, cache: string): Promise<Prepared> {
  const s = await startBenchStack({
    database: `rectiflow_bench_${name}`,
    env: { TEMPORAL_MAX_CACHED_WORKFLOWS: cache },
  });
  const server = await s.api.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
  const stack = s as unknown as TestStack;
  const reviewer = await createUserAndLogin(stack, { role: 'bureau_reviewer' });
  const dept = await createUserAndLogin(stack, { role: 'dept_user' });
  const evaluationId = await seedSyntheticEvaluation(s.pool, items);
  await s.api
    .get(IssueEvaluationService)
    .issue(
      evaluationId,
      { deliveryDate: today(), unitId: dept.unitId },
      reviewer.user as unknown as AuthUser,
    );
  await waitFor(async () => {
    const [rows] = await s.pool.query<never[]>(
      `SELECT COUNT(*) AS c FROM rectification WHERE evaluationId = ? AND status = 'issued'`,
      [evaluationId],
    );
    return Number((rows[0] as { c: number }).c) >= items;
  }, 900_000);
  const ids = Array.from({ length: items }, (_, i) => `rectification-${evaluationId}-${i + 1}`);
  for (const id of ids) {
    await post(base, dept, id, 'acknowledge', { comment: '收到' });
    await post(base, dept, id, 'plan', {
      responsiblePerson: '张三',
      measures: [{ content: '修订绩效目标编制办法', targetDate: inDays(60) }],
    });
  }
  return { s, base, dept, reviewer, ids: [...ids, `evaluation-${evaluationId}`] };
}

export async function run(argv: string[] = process.argv.slice(2)): Promise<BenchResult> {
  const items = Number(benchArg(argv, 'items') ?? 30);
  const cached = await prepare('step_cached', items, '1000');
  const evicted = await prepare('step_evicted', items, '0');
  try {
    const times = { cached: [] as number[], evicted: [] as number[] };
    // Alternate the two so load on the machine falls on both alike.
    for (let i = 0; i < items; i++)
      for (const [key, p] of [
        ['cached', cached],
        ['evicted', evicted],
      ] as const) {
        const t0 = performance.now();
        await post(p.base, p.reviewer, p.ids[i], 'plan/approve', { comment: '同意' });
        times[key].push(performance.now() - t0);
      }
    const stats = (v: number[]) => ({
      p50: round(percentile(v, 50), 1),
      p95: round(percentile(v, 95), 1),
      p99: round(percentile(v, 99), 1),
    });
    const result = {
      name: 'step-evicted',
      description: `批准方案 over HTTP on ${items} items with history (下发, 签收, 提交方案): worker cache off vs on`,
      items,
      cachedMs: stats(times.cached),
      evictedMs: stats(times.evicted),
      p50Ratio: round(median(times.evicted) / median(times.cached), 2),
    };
    process.stderr.write(`step-evicted: ${JSON.stringify(result)}\n`);
    return result;
  } finally {
    for (const p of [cached, evicted]) {
      await terminateAll(p.s.client, p.ids);
      await p.s.close();
    }
  }
}

runWhenMain(module, run);
