import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import type { AppConfig } from '../../libs/config/src/app-config';
import { ROOT, TEST_WORKFLOW_BUNDLE } from './test-config';

const READY: Record<'api' | 'worker', string> = {
  api: 'Rectiflow API listening',
  worker: 'Rectiflow worker running',
};

/**
 * The API or the worker as its own OS process (so a test can SIGKILL it like a crash), on the given
 * configuration's task queue, queue prefix, databases and storage. Resolves once it logs that it is ready;
 * rejects (with its last output) if it exits before that.
 */
export function spawnAppProcess(
  app: 'api' | 'worker',
  config: AppConfig,
  env: Record<string, string> = {},
): Promise<ChildProcess> {
  return new Promise((ready, fail) => {
    const child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', resolve(ROOT, `apps/${app}/src/main.ts`)],
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
          TEMPORAL_MAX_CACHED_WORKFLOWS: String(config.temporal.worker.maxCachedWorkflows),
          STORAGE_DIR: config.storage.dir,
          JWT_SECRET: 'test-only-secret-0123456789abcdef0123456789abcdef',
          LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
          ...env,
        },
      },
    );
    let output = '';
    child.stderr!.on('data', (d) => {
      output = (output + String(d)).slice(-4000);
      if (String(d).includes(READY[app])) ready(child);
    });
    child.once('exit', (code) => fail(new Error(`${app} exited early (${code}): ${output}`)));
  });
}

export const spawnWorkerProcess = (
  config: AppConfig,
  env: Record<string, string> = {},
): Promise<ChildProcess> => spawnAppProcess('worker', config, env);

/** SIGKILL: a crash, not a shutdown. Resolves when the process is gone. */
export async function killAppProcess(child: ChildProcess): Promise<void> {
  child.removeAllListeners('exit');
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await gone;
}
