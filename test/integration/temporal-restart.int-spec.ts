import { INestApplicationContext } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { createWorkerApp } from '../../apps/worker/src/create-worker-app';
import { rectificationStateQuery } from '../../libs/contracts/src';
import { rectificationInput } from '../support/rectification-fixtures';
import { ROOT, testConfig } from '../support/test-config';
import { eventually } from '../support/test-stack';

const run = promisify(execFile);

/**
 * The dev server keeps its state in a SQLite file: stop it and start it again with the same script (the stack
 * command does exactly this) and a workflow started before is still there, its timer still fires. A private
 * server on other ports, so the shared one other tests use is never interrupted.
 */
describe('Temporal dev server restart keeps workflows and timers', () => {
  const port = 17233 + Math.floor(Math.random() * 500);
  const dir = resolve(ROOT, 'var', 'test', `temporal-restart-${port}`);
  const env = {
    ...process.env,
    TEMPORAL_ADDRESS: `127.0.0.1:${port}`,
    TEMPORAL_UI_PORT: String(port + 1000),
    TEMPORAL_DB_FILE: resolve(dir, 'temporal.db'),
    TEMPORAL_NAMESPACE: 'default',
  };
  const script = (cmd: string) =>
    run('bash', [resolve(ROOT, 'scripts/temporal-dev.sh'), cmd], { env, timeout: 120000 });
  let worker: INestApplicationContext | undefined;

  afterAll(async () => {
    await worker?.close().catch(() => undefined);
    await script('stop').catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  });

  it('reuses the SQLite file: a workflow started before the restart is still there and its timer fires', async () => {
    await script('start');
    const config = testConfig({ TEMPORAL_ADDRESS: env.TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE: 'default' });
    const input = rectificationInput({
      deadlineInSeconds: 8,
      policy: { reminderOffsetsSeconds: [], escalationOffsetsSeconds: [1, 600, 1200, 1800] },
    });
    const connection = await Connection.connect({ address: env.TEMPORAL_ADDRESS });
    const before = new Client({ connection, namespace: 'default' });
    const handle = await before.workflow.start('rectificationWorkflow', {
      taskQueue: config.temporal.taskQueue,
      workflowId: input.rectificationId,
      args: [input],
    });
    await connection.close();

    const stopped = await script('stop');
    expect(stopped.stderr).toContain('stopped');
    const restarted = await script('start');
    expect(restarted.stderr).toContain('is up');

    const after = new Client({
      connection: await Connection.connect({ address: env.TEMPORAL_ADDRESS }),
      namespace: 'default',
    });
    const described = await after.workflow.getHandle(input.rectificationId).describe();
    expect(described.runId).toBe(handle.firstExecutionRunId);
    expect(described.status.name).toBe('RUNNING');

    worker = await createWorkerApp(config);
    const state = await eventually(
      async () => {
        const s = await after.workflow.getHandle(input.rectificationId).query(rectificationStateQuery);
        return s.escalationLevel === 1 ? s : null;
      },
      60000,
      500,
    );
    expect(state.overdue).toBe(true);
    expect(state.escalations[0].label).toBe('提醒函');
    await after.workflow.getHandle(input.rectificationId).terminate('test done');
    await after.connection.close();
  });
});
