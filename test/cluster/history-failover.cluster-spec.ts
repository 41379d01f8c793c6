import { INestApplicationContext } from '@nestjs/common';
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { createWorkerApp } from '../../apps/worker/src/create-worker-app';
import { rectificationStateQuery, rectificationUpdates } from '../../libs/contracts/src';
import { deptUser, rectificationInput } from '../support/rectification-fixtures';
import { ROOT, TEST_DATABASE_URL, testConfig } from '../support/test-config';
import { eventually } from '../support/test-stack';

const CLUSTER_SCRIPT = resolve(ROOT, 'scripts', 'temporal-cluster.sh');
const cluster = (...args: string[]) =>
  execFileSync('bash', [CLUSTER_SCRIPT, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  }).toString();

/**
 * Run only by `npm run test:cluster`, against the official server with several history processes: one of them is
 * SIGKILLed while timers sleep and steps arrive. Its shards move to the survivor; nothing is lost or doubled.
 */
describe('Temporal cluster: a history process dies mid-run', () => {
  const ITEMS = 12;
  let worker: INestApplicationContext;
  let client: Client;
  let direct: DataSource;
  let config: ReturnType<typeof testConfig>;

  beforeAll(async () => {
    config = testConfig();
    worker = await createWorkerApp(config);
    client = worker.get(Client);
    direct = new DataSource({ type: 'mysql', url: TEST_DATABASE_URL });
    await direct.initialize();
  });
  afterAll(async () => {
    cluster('restart-history', '1');
    await worker?.close();
    await direct?.destroy();
  });

  const actions = (id: string) =>
    direct
      .query('SELECT action FROM rectification_event WHERE rectificationId = ? ORDER BY seq', [id])
      .then((rows: { action: string }[]) => rows.map((r) => r.action));

  it('keeps every timer and every step exactly once', async () => {
    const inputs = Array.from({ length: ITEMS }, () =>
      rectificationInput({
        // Far enough out that the shards have moved before anything is due: each rung then fires on its own.
        deadlineInSeconds: 20,
        policy: { reminderOffsetsSeconds: [], escalationOffsetsSeconds: [2, 25, 100_000, 200_000] },
      }),
    );
    const handles = await Promise.all(
      inputs.map((input) =>
        client.workflow.start('rectificationWorkflow', {
          taskQueue: config.temporal.taskQueue,
          workflowId: input.rectificationId,
          args: [input],
        }),
      ),
    );
    for (const input of inputs)
      await eventually(async () => (await actions(input.rectificationId)).length === 1);

    cluster('kill-history', '1');
    // Steps sent while the shards move: the client retries until the surviving history process owns them.
    const acknowledged = handles.slice(0, 4);
    await Promise.all(
      acknowledged.map((h, i) =>
        h.executeUpdate(rectificationUpdates.acknowledge, {
          args: [{ actor: deptUser, comment: '已收到' }],
          updateId: `failover-ack-${i}`,
        }),
      ),
    );

    for (const [i, input] of inputs.entries()) {
      const expected = [
        ...(i < 4 ? ['issued', 'acknowledge'] : ['issued']),
        'overdue',
        'escalation',
        'escalation',
      ];
      const seen = await eventually(
        async () => {
          const a = await actions(input.rectificationId);
          return a.length >= expected.length ? a : null;
        },
        90_000,
        500,
      );
      // The step and the timers race only in order, never in count.
      expect([...seen].sort()).toEqual([...expected].sort());
      expect(seen[0]).toBe('issued');
      const state = await handles[i].query(rectificationStateQuery);
      expect(state.escalationLevel).toBe(2);
      expect(state.escalations.map((e) => e.level)).toEqual([1, 2]);
    }
    // A moment longer: a rung fired twice (a lost ack of a timer task) would show up now.
    await new Promise((r) => setTimeout(r, 3000));
    for (const input of inputs) expect((await actions(input.rectificationId)).length).toBeLessThanOrEqual(6);
    await Promise.all(handles.map((h) => h.terminate('test done')));
  });
});
