/**
 * npm run bench — runs every benchmark and prints ONE JSON object (also written to reports/bench.json).
 *   npm run bench -- importer-parse        (only the named ones)
 * Figures are medians over several runs, with a baseline measured in the same run; never asserted in tests.
 */
import 'reflect-metadata';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BenchResult } from './bench-utils';

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)));
  const results: BenchResult[] = [];
  for (const file of files) {
    process.stderr.write(`bench: ${file}…\n`);
    const mod = (await import(resolve(__dirname, file))) as { run: () => Promise<BenchResult> };
    results.push(await mod.run());
  }
  const report = {
    at: new Date().toISOString(),
    node: process.version,
    cpus: require('node:os').cpus().length,
    results,
  };
  mkdirSync(resolve(__dirname, '../reports'), { recursive: true });
  writeFileSync(resolve(__dirname, '../reports/bench.json'), JSON.stringify(report, null, 2));
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
