import { INestApplicationContext } from '@nestjs/common';
import { ChildProcess } from 'node:child_process';
import { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { createWorkerApp } from '../../apps/worker/src/create-worker-app';
import {
  EvaluationFollowUpInput,
  rectificationStateQuery,
  rectificationUpdates,
} from '../../libs/contracts/src';
import { TcpProxy } from '../support/tcp-proxy';
import { TEST_DATABASE_URL, TEST_REDIS_URL, TEST_TEMPORAL_ADDRESS, testConfig } from '../support/test-config';
import { bureauReviewer, deptUser, rectificationInput } from '../support/rectification-fixtures';
import { eventually } from '../support/test-stack';
import { killAppProcess, spawnWorkerProcess } from '../support/app-process';

/** Nothing is lost when the worker process or MySQL goes away mid-flight. */
describe('rectification resilience', () => {
  const db = new URL(TEST_DATABASE_URL);
  const proxy = new TcpProxy(db.hostname, Number(db.port || 3306));
  let config: ReturnType<typeof testConfig>;
  let worker: INestApplicationContext | undefined;
  let client: Client;
  let direct: DataSource;

  beforeAll(async () => {
    await proxy.up();
    const viaProxy = new URL(TEST_DATABASE_URL);
    viaProxy.port = String(proxy.port);
    config = testConfig({ DATABASE_URL: viaProxy.toString() });
    worker = await createWorkerApp(config);
    client = worker.get(Client);
    direct = new DataSource({ type: 'mysql', url: TEST_DATABASE_URL });
    await direct.initialize();
  });
  afterAll(async () => {
    await proxy.up();
    await worker?.close();
    await direct?.destroy();
    await proxy.down();
  });

  const actions = (id: string) =>
    direct
      .query('SELECT action FROM rectification_event WHERE rectificationId = ? ORDER BY seq', [id])
      .then((rows: { action: string }[]) => rows.map((r) => r.action));

  it('fires timers that came due while no worker was running, once a worker is back', async () => {
    const input = rectificationInput({
      deadlineInSeconds: 3,
      policy: { reminderOffsetsSeconds: [], escalationOffsetsSeconds: [1, 600, 1200, 1800] },
    });
    const handle = await client.workflow.start('rectificationWorkflow', {
      taskQueue: config.temporal.taskQueue,
      workflowId: input.rectificationId,
      args: [input],
    });
    await eventually(async () => (await actions(input.rectificationId)).length === 1);
    await worker!.close();
    worker = undefined;
    await new Promise((r) => setTimeout(r, 5000)); // deadline and first rung pass with no worker at all
    worker = await createWorkerApp(config);
    client = worker.get(Client);
    const state = await eventually(async () => {
      const s = await client.workflow.getHandle(input.rectificationId).query(rectificationStateQuery);
      return s.escalationLevel === 1 ? s : null;
    });
    expect(state.overdue).toBe(true);
    expect(
      await eventually(async () => {
        const a = await actions(input.rectificationId);
        return a.length === 3 ? a : null;
      }),
    ).toEqual(['issued', 'overdue', 'escalation']);
    await client.workflow.getHandle(handle.workflowId).terminate('test done');
  });

  it('keeps the step and writes the read model once MySQL is back (the projection activity retries)', async () => {
    const input = rectificationInput();
    const handle = await client.workflow.start('rectificationWorkflow', {
      taskQueue: config.temporal.taskQueue,
      workflowId: input.rectificationId,
      args: [input],
    });
    await eventually(async () => (await actions(input.rectificationId)).length === 1);

    await proxy.down();
    const update = handle.executeUpdate(rectificationUpdates.acknowledge, {
      args: [{ actor: deptUser, comment: '已收到' }],
    });
    await new Promise((r) => setTimeout(r, 3000));
    // The step is accepted and held by Temporal although the database is unreachable.
    expect((await handle.query(rectificationStateQuery)).status).toBe('acknowledged');
    expect(await actions(input.rectificationId)).toEqual(['issued']);

    await proxy.up();
    const state = await update;
    expect(state.status).toBe('acknowledged');
    expect(await actions(input.rectificationId)).toEqual(['issued', 'acknowledge']);
    const [row] = await direct.query('SELECT status, lastEventSeq FROM rectification WHERE id = ?', [
      input.rectificationId,
    ]);
    expect(row).toEqual({ status: 'acknowledged', lastEventSeq: 2 });
    await handle.terminate('test done');
  });

  it('accounts for every finding: the follow-up workflow finishes the evaluation with its outcome counts', async () => {
    const evaluationId = (await import('node:crypto')).randomUUID();
    const items = [1, 2, 3].map((seq) => rectificationInput({ evaluationId, findingSeq: seq }));
    const input: EvaluationFollowUpInput = {
      evaluationId,
      issuedBy: bureauReviewer,
      issuedAt: new Date().toISOString(),
      rectifications: items,
    };
    const parent = await client.workflow.start('evaluationFollowUpWorkflow', {
      taskQueue: config.temporal.taskQueue,
      workflowId: `evaluation-${evaluationId}`,
      args: [input],
    });
    const again = await client.workflow.start('evaluationFollowUpWorkflow', {
      taskQueue: config.temporal.taskQueue,
      workflowId: `evaluation-${evaluationId}`,
      args: [input],
      workflowIdConflictPolicy: 'USE_EXISTING',
    });
    expect(again.firstExecutionRunId).toBe(parent.firstExecutionRunId);

    const child = (seq: number) => client.workflow.getHandle(items[seq - 1].rectificationId);
    await eventually(async () => (await actions(items[2].rectificationId)).length === 1);
    for (const seq of [1, 2])
      await child(seq).executeUpdate(rectificationUpdates.cancel, {
        args: [{ actor: bureauReviewer, reason: '问题撤回' }],
      });
    const u = rectificationUpdates;
    await child(3).executeUpdate(u.acknowledge, { args: [{ actor: deptUser }] });
    await child(3).executeUpdate(u.submitPlan, {
      args: [
        {
          actor: deptUser,
          responsiblePerson: '李四',
          measures: [{ content: '建立制度', targetDate: '2099-01-01', targetAt: '2099-01-01T00:00:00Z' }],
        },
      ],
    });
    await child(3).executeUpdate(u.approvePlan, { args: [{ actor: bureauReviewer }] });
    await child(3).executeUpdate(u.addEvidence, {
      args: [
        {
          actor: deptUser,
          files: [
            { fileId: 9, sha256: 'b'.repeat(64), name: '制度.pdf', size: 10, mimeType: 'application/pdf' },
          ],
          description: '制度',
          effectiveDate: '2026-12-01',
        },
      ],
    });
    await child(3).executeUpdate(u.submit, { args: [{ actor: deptUser, account: '已建立制度' }] });
    await child(3).executeUpdate(u.review, {
      args: [{ actor: bureauReviewer, result: 'rectified', comment: '' }],
    });

    const result = await parent.result();
    expect(result.counts).toEqual({ total: 3, closed: 1, cancelled: 2, failed: 0 });
    expect(result.items.map((i: { findingSeq: number }) => i.findingSeq).sort()).toEqual([1, 2, 3]);
  });

  it('loses and repeats nothing when the worker process is killed (SIGKILL) mid-step', async () => {
    const queue = `kill-${Date.now()}`;
    const viaProxy = new URL(TEST_DATABASE_URL);
    viaProxy.port = String(proxy.port);
    const spawnWorker = (): Promise<ChildProcess> =>
      spawnWorkerProcess(config, {
        DATABASE_URL: viaProxy.toString(),
        REDIS_URL: TEST_REDIS_URL,
        QUEUE_PREFIX: `rftest-${queue}`,
        TEMPORAL_ADDRESS: TEST_TEMPORAL_ADDRESS,
        TEMPORAL_TASK_QUEUE: queue,
      });
    let child = await spawnWorker();
    const input = rectificationInput();
    const handle = await client.workflow.start('rectificationWorkflow', {
      taskQueue: queue,
      workflowId: input.rectificationId,
      args: [input],
    });
    await eventually(async () => (await actions(input.rectificationId)).length === 1);

    await proxy.down(); // the projection of the next step now fails and is retried: the step is mid-flight
    const update = handle.executeUpdate(rectificationUpdates.acknowledge, { args: [{ actor: deptUser }] });
    await eventually(async () => (await handle.query(rectificationStateQuery)).status === 'acknowledged');
    await killAppProcess(child);
    await proxy.up();
    child = await spawnWorker();
    try {
      expect((await update).status).toBe('acknowledged');
      await handle.executeUpdate(rectificationUpdates.cancel, {
        args: [{ actor: bureauReviewer, reason: '测试结束' }],
      });
      expect(
        await eventually(async () => {
          const a = await actions(input.rectificationId);
          return a.length === 3 ? a : null;
        }),
      ).toEqual(['issued', 'acknowledge', 'cancel']);
      const [row] = await direct.query('SELECT status, lastEventSeq FROM rectification WHERE id = ?', [
        input.rectificationId,
      ]);
      expect(row).toEqual({ status: 'cancelled', lastEventSeq: 3 });
    } finally {
      child.removeAllListeners('exit');
      child.kill('SIGTERM');
    }
  });
});
