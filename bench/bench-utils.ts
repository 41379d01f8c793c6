import { performance } from 'node:perf_hooks';

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
