/**
 * Footprint: the worker's resident memory and idle CPU while N rectification workflows sleep on their timers
 * (default N = 2,000; `--items 10000` for the issue's figure, about an hour of fan-out on this machine's dev
 * server), beside the same worker process measured with no workflow open, in the same run. The worker runs as its
 * own process (spawned like in production) so its RSS is its own; the workflow cache is sized by
 * TEMPORAL_MAX_CACHED_WORKFLOWS (the memory budget, see README).
 *
 *   npm run bench -- footprint [--items 2000] [--idle-seconds 30]
 */
import 'reflect-metadata';
import { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { AuthUser } from '../libs/auth/src/auth-user';
import { IssueEvaluationService } from '../libs/rectification/src/issue-evaluation.service';
import { seedSyntheticEvaluation } from '../test/support/synthetic-evaluation';
import { killAppProcess, spawnWorkerProcess } from '../test/support/app-process';
import { BenchResult, round, runWhenMain } from './bench-utils';
import { benchArg, seedUnits, startBenchStack, terminateAll, waitFor } from './support/temporal-bench-stack';

const today = (): string => new Date().toISOString().slice(0, 10);
const CLOCK_TICKS_PER_SECOND = 100;

/** Resident set size of a process, in MB (from /proc: this is Linux-only, like the machine it measures). */
function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return round(Number(line?.split(/\s+/)[1] ?? 0) / 1024, 1);
}

/** CPU seconds (user + system) a process has used so far. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
}

/** Share of one core the process used over `seconds` of doing nothing but holding its workflows. */
async function idleCpuPercent(pid: number, seconds: number): Promise<number> {
  const before = cpuSeconds(pid);
  await new Promise((r) => setTimeout(r, seconds * 1000));
  return round(((cpuSeconds(pid) - before) / seconds) * 100, 2);
}

export async function run(argv: string[] = process.argv.slice(2)): Promise<BenchResult> {
  const items = Number(benchArg(argv, 'items') ?? 2000);
  const idleSeconds = Number(benchArg(argv, 'idle-seconds') ?? 30);
  const s = await startBenchStack({ database: 'rectiflow_bench_footprint', worker: false });
  let worker: ChildProcess | undefined;
  let evaluationId: string | undefined;
  try {
    const { deptId } = await seedUnits(s.pool);
    const user: AuthUser = {
      id: 1,
      username: 'bench',
      displayName: '基准测试',
      role: 'bureau_reviewer',
      unitId: 1,
    };
    worker = await spawnWorkerProcess(s.config);
    const pid = worker.pid!;
    await new Promise((r) => setTimeout(r, 5000));
    const empty = { rssMb: rssMb(pid), idleCpuPercent: await idleCpuPercent(pid, idleSeconds) };
    process.stderr.write(`footprint: empty worker ${empty.rssMb} MB, ${empty.idleCpuPercent}% CPU idle\n`);

    evaluationId = await seedSyntheticEvaluation(s.pool, items);
    const t0 = Date.now();
    await s.api
      .get(IssueEvaluationService)
      .issue(evaluationId, { deliveryDate: today(), unitId: deptId }, user);
    let last = 0;
    await waitFor(
      async () => {
        const [rows] = await s.pool.query<never[]>(
          'SELECT COUNT(*) AS c FROM rectification WHERE evaluationId = ? AND lastEventSeq >= 1',
          [evaluationId],
        );
        const n = Number((rows[0] as { c: number }).c);
        if (n - last >= items / 10 || n === items) {
          process.stderr.write(`footprint: ${n}/${items} workflows open\n`);
          last = n;
        }
        return n >= items;
      },
      3 * 3600_000,
      2000,
    );
    const fanOutSeconds = round((Date.now() - t0) / 1000, 1);
    await new Promise((r) => setTimeout(r, 10_000));
    const loaded = { rssMb: rssMb(pid), idleCpuPercent: await idleCpuPercent(pid, idleSeconds) };
    process.stderr.write(
      `footprint: ${items} sleeping workflows: ${loaded.rssMb} MB, ${loaded.idleCpuPercent}% CPU\n`,
    );
    return {
      name: 'footprint',
      description: `worker RSS and idle CPU with ${items} open sleeping rectification workflows vs the same worker with none`,
      openWorkflows: items,
      maxCachedWorkflows: s.config.temporal.worker.maxCachedWorkflows,
      fanOutSeconds,
      worker: {
        empty,
        loaded,
        rssPerThousandWorkflowsMb: round(((loaded.rssMb - empty.rssMb) / items) * 1000, 1),
      },
    };
  } finally {
    if (worker) await killAppProcess(worker);
    if (evaluationId)
      await terminateAll(s.client, [
        `evaluation-${evaluationId}`,
        ...Array.from({ length: items }, (_, i) => `rectification-${evaluationId}-${i + 1}`),
      ]);
    await s.close();
  }
}

runWhenMain(module, run);
