import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { ROOT, TEST_DATABASE_URL, TEST_REDIS_URL, TEST_TEMPORAL_ADDRESS } from '../support/test-config';

/** A port nothing listens on. */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

function boot(
  entry: string,
  env: Record<string, string>,
  onStderr?: (text: string, kill: (signal: NodeJS.Signals) => void) => void,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', resolve(ROOT, entry)], {
      cwd: resolve(ROOT, 'test'), // no .env there: only what we pass
      env: { PATH: process.env.PATH ?? '', SWC_NODE_PROJECT: resolve(ROOT, 'tsconfig.json'), ...env },
    });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += String(d);
      onStderr?.(stderr, (signal) => child.kill(signal));
    });
    child.on('exit', (code, signal) => resolvePromise({ code, signal, stderr }));
  });
}

const base = {
  DATABASE_URL: TEST_DATABASE_URL,
  REDIS_URL: TEST_REDIS_URL,
  TEMPORAL_ADDRESS: TEST_TEMPORAL_ADDRESS,
  TEMPORAL_NAMESPACE: 'rectiflow-test',
  JWT_SECRET: 'x'.repeat(40),
  LOG_LEVEL: 'error',
};

describe('boot: a dead dependency or bad configuration stops the process with one clear message', () => {
  it.each([
    ['apps/api/src/main.ts', 'DATABASE_URL', 'mysql'],
    ['apps/worker/src/main.ts', 'REDIS_URL', 'redis'],
    ['apps/api/src/main.ts', 'TEMPORAL_ADDRESS', 'temporal'],
  ])('%s with %s unreachable names %s and how to start it', async (entry, variable, dependency) => {
    const port = await deadPort();
    const value =
      variable === 'TEMPORAL_ADDRESS'
        ? `127.0.0.1:${port}`
        : base[variable as 'DATABASE_URL'].replace(/:\d+\//, `:${port}/`);
    const { code, stderr } = await boot(entry, { ...base, [variable]: value });
    expect(code).toBe(1);
    expect(stderr).toContain(`✗ ${dependency} is not reachable`);
    expect(stderr).toContain('→ start');
    expect(stderr).not.toMatch(/\n\s+at .*\.js:\d+/); // no stack trace wall
  });

  it('names a missing variable', async () => {
    const { code, stderr } = await boot('apps/api/src/main.ts', { ...base, JWT_SECRET: '' });
    expect(code).toBe(1);
    expect(stderr).toContain('JWT_SECRET');
    expect(stderr).toContain('See .env.example');
  });
});

describe('graceful shutdown', () => {
  it.each([
    ['apps/worker/src/main.ts', 'Rectiflow worker running'],
    ['apps/api/src/main.ts', 'Rectiflow API listening'],
  ])('%s stops cleanly on SIGTERM', async (entry, ready) => {
    let sent = false;
    const started = Date.now();
    const { code, signal, stderr } = await boot(
      entry,
      {
        ...base,
        TEMPORAL_TASK_QUEUE: `shutdown-${Date.now()}`,
        API_PORT: String(await deadPort()),
        QUEUE_PREFIX: `rftest-shutdown-${Date.now()}`,
      },
      (text, kill) => {
        if (!sent && text.includes(ready)) {
          sent = true;
          kill('SIGTERM');
        }
      },
    );
    expect(sent).toBe(true);
    // Nest closes every module, then re-raises the signal: terminated by SIGTERM, not crashed.
    expect(signal ?? code).toBe(signal ? 'SIGTERM' : 0);
    expect(stderr).not.toContain('failed');
    expect(Date.now() - started).toBeLessThan(60000);
  });
});
