import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import type { AppConfig } from '../../libs/config/src/app-config';
import { ROOT, TEST_WORKFLOW_BUNDLE } from './test-config';

/**
 * The worker as its own OS process (so a test can SIGKILL it like a crash), on the given configuration's task
 * queue, queue prefix and databases. Resolves once it logs that it runs; rejects if it exits before that.
 */
export function spawnWorkerProcess(
  config: AppConfig,
  env: Record<string, string> = {},
): Promise<ChildProcess> {
  return new Promise((ready, fail) => {
    const child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', resolve(ROOT, 'apps/worker/src/main.ts')],
      {
        cwd: resolve(ROOT, 'test'),
        env: {
          PATH: process.env.PATH ?? '',
          SWC_NODE_PROJECT: resolve(ROOT, 'tsconfig.json'),
          NODE_ENV: 'test',
          LOG_LEVEL: 'error',
          DATABASE_URL: config.database.url,
          REDIS_URL: config.redis.url,
          QUEUE_PREFIX: config.redis.queuePrefix,
          TEMPORAL_ADDRESS: config.temporal.address,
          TEMPORAL_NAMESPACE: config.temporal.namespace,
          TEMPORAL_TASK_QUEUE: config.temporal.taskQueue,
          TEMPORAL_WORKFLOW_BUNDLE: TEST_WORKFLOW_BUNDLE,
          STORAGE_DIR: config.storage.dir,
          JWT_SECRET: 'x'.repeat(40),
          ...env,
        },
      },
    );
    let stderr = '';
    child.stderr!.on('data', (d) => {
      stderr = (stderr + String(d)).slice(-4000);
      if (String(d).includes('Rectiflow worker running')) ready(child);
    });
    child.once('exit', (code) => fail(new Error(`worker exited early (${code}): ${stderr}`)));
  });
}

/** SIGKILL: a crash, not a shutdown. Resolves when the process is gone. */
export async function killWorkerProcess(child: ChildProcess): Promise<void> {
  child.removeAllListeners('exit');
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await gone;
}
