import 'reflect-metadata';
import { ConfigError, loadConfig } from '@rectiflow/config';
import { formatPreflightFailures, preflight } from '@rectiflow/health';
import { createWorkerApp } from './create-worker-app';

async function main(): Promise<void> {
  const config = loadConfig();
  const outcomes = await preflight(config);
  if (outcomes.some((o) => !o.ok)) {
    process.stderr.write(`Rectiflow worker cannot start:\n${formatPreflightFailures(outcomes)}\n`);
    process.exit(1);
  }
  await createWorkerApp(config);
  process.stderr.write(`Rectiflow worker running (task queue ${config.temporal.taskQueue})\n`);
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) process.stderr.write(`${err.message}\n`);
  else process.stderr.write(`Rectiflow worker failed to start: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
