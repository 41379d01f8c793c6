import { performance } from 'node:perf_hooks';
import { loadConfig } from '../libs/config/src/load-config';
import { splitDatabaseUrl } from '../libs/persistence/src/database-setup';

/** Median of a list of numbers. */
export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** The nearest-rank percentile (p in 0–100) of a list of numbers. */
export function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

/** Runs `fn` `runs` times after `warmup` unmeasured runs; returns each run's wall time in ms. */
export async function timeRuns(
  fn: () => unknown | Promise<unknown>,
  runs = 7,
  warmup = 2,
): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return times;
}

export const round = (n: number, digits = 3): number => Number(n.toFixed(digits));

/** What every benchmark returns: one JSON-serialisable object with its medians and ratios. */
export interface BenchResult {
  name: string;
  description: string;
  [metric: string]: unknown;
}

/** `--name value` or `--name=value` from a bench's arguments. */
export const benchArg = (argv: string[], name: string): string | undefined => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
};

/** The MySQL server of this checkout's configuration (.env), or the local default when there is none. */
export function benchServerUrl(bench: string): string {
  let server = 'mysql://root@127.0.0.1:3306/rectiflow';
  try {
    server = loadConfig().database.url;
  } catch {
    process.stderr.write(
      `${bench} bench: no valid configuration (.env), using mysql://root@127.0.0.1:3306\n`,
    );
  }
  return splitDatabaseUrl(server).serverUrl;
}

/** Runs a bench file on its own (`npx tsx bench/x.bench.ts`): its result as JSON on stdout, a failure exits 1. */
export function runWhenMain(
  mod: NodeModule,
  run: () => Promise<BenchResult>,
  onResult?: (r: BenchResult) => string,
): void {
  if (require.main !== mod) return;
  run()
    .then((r) => {
      process.stdout.write(`${onResult ? onResult(r) : JSON.stringify(r, null, 2)}\n`);
      process.exit(0);
    })
    .catch((err: unknown) => {
      process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
      process.exit(1);
    });
}
