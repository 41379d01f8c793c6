import { performance } from 'node:perf_hooks';
import { BenchStack, mapBounded, waitFor } from './temporal-bench-stack';

/** How many workflow starts the raw baseline keeps in flight from the client. */
const CLIENT_START_CONCURRENCY = 32;

/** Waits until the raw workflows of `batch` have written their `n` rows. */
export async function waitRaw(s: BenchStack, batch: string, n: number): Promise<void> {
  await waitFor(async () => {
    const [rows] = await s.pool.query<never[]>('SELECT COUNT(*) AS c FROM bench_raw WHERE batch = ?', [
      batch,
    ]);
    return Number((rows[0] as { c: number }).c) >= n;
  }, 600_000);
}

/** N raw workflows started by a client, each running one activity with one INSERT: ms until every row is in. */
export async function rawWorkflows(s: BenchStack, n: number, tag: string): Promise<number> {
  const batch = `wf-${tag}`;
  const t0 = performance.now();
  await mapBounded(
    Array.from({ length: n }, (_, i) => i),
    CLIENT_START_CONCURRENCY,
    (i) =>
      s.client.workflow.start('rawInsertWorkflow', {
        taskQueue: s.rawTaskQueue,
        workflowId: `raw-${batch}-${i}`,
        args: [batch, String(i)],
      }),
  );
  await waitRaw(s, batch, n);
  return performance.now() - t0;
}
