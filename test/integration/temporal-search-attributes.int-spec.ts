import { ChildProcess, execFile, spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from '../support/test-config';
import { eventually } from '../support/test-stack';

const run = promisify(execFile);

/**
 * A server whose namespaces lack Rectiflow's search attributes (an older SQLite file, or a real cluster) gets them
 * registered by the start script. The CLI is started here without any, on private ports, and the script is pointed
 * at it: it must reuse the server and add every attribute listed in scripts/temporal-search-attributes.txt.
 */
describe('scripts register missing search attributes', () => {
  const port = 18233 + Math.floor(Math.random() * 500);
  const address = `127.0.0.1:${port}`;
  const dir = resolve(ROOT, 'var', 'test', `temporal-sa-${port}`);
  const env = {
    ...process.env,
    TEMPORAL_ADDRESS: address,
    TEMPORAL_UI_PORT: String(port + 1000),
    TEMPORAL_DB_FILE: resolve(dir, 'temporal.db'),
    TEMPORAL_NAMESPACE: 'default',
    TEMPORAL_MODE: 'dev',
  };
  let bin: string;
  let server: ChildProcess | undefined;

  beforeAll(async () => {
    bin = (await run('bash', [resolve(ROOT, 'scripts/temporal-dev.sh'), 'binary'], { env })).stdout.trim();
  });
  afterAll(async () => {
    server?.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
  });

  const listed = async (ns: string) =>
    (await run(bin, ['operator', 'search-attribute', 'list', '--address', address, '--namespace', ns]))
      .stdout;

  it('adds every missing attribute to every namespace, and a second start changes nothing', async () => {
    server = spawn(
      bin,
      [
        'server',
        'start-dev',
        '--headless',
        '--ip',
        '127.0.0.1',
        '--port',
        String(port),
        '--namespace',
        'rectiflow-test',
        '--log-level',
        'error',
      ],
      { stdio: 'ignore' },
    );
    await eventually(async () => (await listed('rectiflow-test')).includes('WorkflowId'), 60_000, 500);
    expect(await listed('rectiflow-test')).not.toContain('RectiflowStatus');

    const first = await run('bash', [resolve(ROOT, 'scripts/temporal-dev.sh'), 'start'], {
      env,
      timeout: 120_000,
    });
    expect(first.stderr).toContain('reused');
    expect(first.stderr).toContain('registered search attribute RectiflowStatus (Keyword) on rectiflow-test');

    const names = [
      'RectiflowEvaluationId',
      'RectiflowUnitId',
      'RectiflowStatus',
      'RectiflowDeadline',
      'RectiflowEscalationLevel',
    ];
    for (const ns of ['default', 'rectiflow-test']) {
      const out = await listed(ns);
      for (const name of names) expect(out).toContain(name);
    }
    const second = await run('bash', [resolve(ROOT, 'scripts/temporal-dev.sh'), 'start'], {
      env,
      timeout: 120_000,
    });
    expect(second.stderr).not.toContain('registered search attribute');
  });
});
