/**
 * Footprint: the worker's and the API's resident memory and idle CPU while N rectification workflows sleep on
 * their timers (default N = 2,000; `--items 10000` for the issue's figure: ≈ 11 min of fan-out on this machine's
 * cluster, far longer on the dev server), beside the same processes measured with no workflow open, in the same run. Both run as
 * their own processes (spawned like in production) so their RSS is their own; the API is measured after serving
 * ledger pages and the dashboard over the N items. The workflow cache is sized by TEMPORAL_MAX_CACHED_WORKFLOWS
 * (the memory budget, see README).
 *
 *   npm run bench -- footprint [--items 2000] [--idle-seconds 30]
 */
import 'reflect-metadata';
import { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AuthUser } from '../libs/auth/src/auth-user';
import { IssueEvaluationService } from '../libs/rectification/src/issue-evaluation.service';
import { seedSyntheticEvaluation } from '../test/support/synthetic-evaluation';
import { killAppProcess, spawnAppProcess, spawnWorkerProcess } from '../test/support/app-process';
import { createUserAndLogin } from '../test/support/auth';
import type { TestStack } from '../test/support/test-stack';
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

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => done(port));
    });
  });
}

/** What a reviewer's day asks of the API: ledger pages (first, deep, overdue, keyword) and the dashboard. */
async function exerciseApi(base: string, token: string): Promise<void> {
  const paths = [
    '/rectifications?pageSize=50',
    '/rectifications?pageSize=50&page=20',
    '/rectifications?pageSize=50&overdue=true',
    '/rectifications?pageSize=50&q=%E7%BB%A9%E6%95%88',
    '/dashboard/summary',
    '/dashboard/by-unit',
  ];
  for (let round = 0; round < 4; round++)
    for (const path of paths) {
      const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
      if (!res.ok) throw new Error(`footprint: GET ${path} answered ${res.status}`);
      await res.arrayBuffer();
    }
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
  let api: ChildProcess | undefined;
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
    const apiPort = await freePort();
    // The in-process API's secret, so the reviewer's token logged in there is good for the spawned API too.
    api = await spawnAppProcess('api', s.config, {
      API_PORT: String(apiPort),
      JWT_SECRET: s.config.auth.jwtSecret,
    });
    const apiPid = api.pid!;
    const base = `http://127.0.0.1:${apiPort}/api/v1`;
    const reviewer = await createUserAndLogin(s as unknown as TestStack, { role: 'bureau_reviewer' });
    await exerciseApi(base, reviewer.token);
    await new Promise((r) => setTimeout(r, 5000));
    const empty = { rssMb: rssMb(pid), idleCpuPercent: await idleCpuPercent(pid, idleSeconds) };
    const apiEmpty = { rssMb: rssMb(apiPid), idleCpuPercent: await idleCpuPercent(apiPid, idleSeconds) };
    process.stderr.write(
      `footprint: empty worker ${empty.rssMb} MB, ${empty.idleCpuPercent}% CPU idle; API ${apiEmpty.rssMb} MB, ${apiEmpty.idleCpuPercent}%\n`,
    );

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
    await exerciseApi(base, reviewer.token);
    const apiLoaded = { rssMb: rssMb(apiPid), idleCpuPercent: await idleCpuPercent(apiPid, idleSeconds) };
    process.stderr.write(
      `footprint: ${items} sleeping workflows: worker ${loaded.rssMb} MB, ${loaded.idleCpuPercent}% CPU; API ${apiLoaded.rssMb} MB, ${apiLoaded.idleCpuPercent}%\n`,
    );
    return {
      name: 'footprint',
      description: `worker and API RSS and idle CPU with ${items} open sleeping rectification workflows vs the same processes with none (the API after ledger pages and the dashboard)`,
      openWorkflows: items,
      maxCachedWorkflows: s.config.temporal.worker.maxCachedWorkflows,
      fanOutSeconds,
      worker: {
        empty,
        loaded,
        rssPerThousandWorkflowsMb: round(((loaded.rssMb - empty.rssMb) / items) * 1000, 1),
      },
      api: { empty: apiEmpty, loaded: apiLoaded },
    };
  } finally {
    if (worker) await killAppProcess(worker);
    if (api) await killAppProcess(api);
    if (evaluationId)
      await terminateAll(s.client, [
        `evaluation-${evaluationId}`,
        ...Array.from({ length: items }, (_, i) => `rectification-${evaluationId}-${i + 1}`),
      ]);
    await s.close();
  }
}

runWhenMain(module, run);
