/**
 * The raw-engine baselines of the Temporal benchmarks: the least a workflow can do for the same outcome, so a
 * Rectiflow figure can be read as a ratio to what the engine itself costs on the same servers in the same run.
 */
import {
  condition,
  defineUpdate,
  executeChild,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
} from '@temporalio/workflow';
import type { RawEngineActivities } from './raw-engine.activities';

const { rawInsert } = proxyActivities<RawEngineActivities>({ startToCloseTimeout: '30 seconds' });
const local = proxyLocalActivities<RawEngineActivities>({ startToCloseTimeout: '30 seconds' });

/** One activity with one INSERT. */
export async function rawInsertWorkflow(batch: string, key: string): Promise<void> {
  await rawInsert(batch, key);
}

/** One parent starting N children at once, each running one activity with one INSERT, awaiting them all. */
export async function rawParentWorkflow(batch: string, n: number): Promise<void> {
  await Promise.all(
    Array.from({ length: n }, (_, i) =>
      executeChild(rawInsertWorkflow, { workflowId: `raw-${batch}-${i}`, args: [batch, String(i)] }),
    ),
  );
}

export const rawStepUpdate = defineUpdate<number, [string]>('rawStep');

/**
 * Sleeps until told to stop; each Update runs one activity with one INSERT (the step baseline) — a local activity
 * when `localInsert`, the like-for-like baseline of steps whose projection is local.
 */
export async function rawSleeperWorkflow(batch: string, localInsert = false): Promise<void> {
  let steps = 0;
  let done = false;
  setHandler(rawStepUpdate, async (key: string) => {
    await (localInsert ? local.rawInsert : rawInsert)(batch, key);
    steps += 1;
    if (key === 'stop') done = true;
    return steps;
  });
  await condition(() => done);
}
