import { Client, WorkflowHandle } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { rectificationUpdates } from '../../libs/contracts/src';
import { NotificationRequestService } from '../../libs/rectification/src/notification-request.service';
import { dataSourceOf } from '../support/auth';
import { deptUser, planCommand, rectificationInput } from '../support/rectification-fixtures';
import { TcpProxy } from '../support/tcp-proxy';
import { TEST_REDIS_URL, testConfig } from '../support/test-config';
import { eventually, startTestStack, TestStack } from '../support/test-stack';
import {
  buildWorld,
  ledger,
  newRectificationId,
  notificationOverrides,
  notificationRequest,
  NotifyWorld,
  settledLedger,
  WEBHOOK_SECRET,
} from './support/notification-fixtures';
import { WebhookReceiver } from './support/webhook-receiver';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Redis cut off mid-run loses nothing: enqueueing waits in Temporal's retries, queued work resumes. */
describe('notifications across a Redis outage', () => {
  const redis = new URL(TEST_REDIS_URL);
  const proxy = new TcpProxy(redis.hostname, Number(redis.port || 6379));
  const hooks = new WebhookReceiver(WEBHOOK_SECRET);
  let stack: TestStack;
  let db: DataSource;
  let w: NotifyWorld;

  beforeAll(async () => {
    await proxy.up();
    await hooks.start();
    const viaProxy = Object.assign(new URL(TEST_REDIS_URL), { port: String(proxy.port) }).toString();
    stack = await startTestStack({ config: testConfig(notificationOverrides({ REDIS_URL: viaProxy })) });
    db = dataSourceOf(stack);
    w = await buildWorld(stack, hooks, 'redis');
  });
  afterAll(async () => {
    await proxy.up();
    await stack?.close();
    await proxy.down();
    await hooks.stop();
  });

  it('holds the workflow’s notification in Temporal retries while Redis is down and delivers it once after', async () => {
    const input = rectificationInput({
      evaluationId: w.evaluationId,
      findingSeq: 700 + Math.floor(Math.random() * 100),
      unitId: w.dept.id,
    });
    const client = stack.worker!.get(Client);
    const handle: WorkflowHandle = await client.workflow.start('rectificationWorkflow', {
      taskQueue: stack.config.temporal.taskQueue,
      workflowId: input.rectificationId,
      args: [input],
    });
    await settledLedger(db, input.rectificationId, 3); // 下发通知: the unit robot and two staff in-app (no SMTP here)
    await handle.executeUpdate(rectificationUpdates.acknowledge, { args: [{ actor: deptUser }] });

    await proxy.down();
    const update = handle.executeUpdate(rectificationUpdates.submitPlan, { args: [planCommand()] });
    const pending = await eventually(
      async () => {
        const a = (await handle.describe()).raw.pendingActivities?.find(
          (p) => p.activityType?.name === 'enqueueNotification',
        );
        return a && Number(a.attempt) >= 3 ? a : null;
      },
      30000,
      500,
    );
    expect(pending.lastFailure?.message).toBeTruthy();
    expect((await ledger(db, input.rectificationId)).filter((r) => r.event === 'plan_submitted')).toEqual([]);

    await proxy.up();
    const state = await update;
    expect(state.status).toBe('plan_submitted');
    const rows = await eventually(async () => {
      const r = (await ledger(db, input.rectificationId)).filter((x) => x.event === 'plan_submitted');
      return r.length === 2 && r.every((x) => x.status === 'sent') ? r : null;
    }, 60000);
    expect(rows.map((r) => r.recipientUserId).sort()).toEqual([w.reviewer1.id, w.reviewer2.id].sort());
    const inApp = await db.query(
      `SELECT userId FROM notification WHERE rectificationId = ? AND event = 'plan_submitted'`,
      [input.rectificationId],
    );
    expect(inApp.map((n: { userId: number }) => n.userId).sort()).toEqual(
      [w.reviewer1.id, w.reviewer2.id].sort(),
    );
    await handle.terminate('test done');
  });

  it('loses no queued notification or delivery when Redis goes away in the middle of the fan-out', async () => {
    const enqueue = stack.worker!.get(NotificationRequestService);
    const ids = Array.from({ length: 5 }, () => newRectificationId(w));
    for (const id of ids) await enqueue.enqueue(notificationRequest(w, id, 'closed'));
    await proxy.down();
    await sleep(4000);
    await proxy.up();
    for (const id of ids) {
      // 销号通知: unit robot, and staff1 and staff2 in the app (no SMTP in this test)
      const rows = await settledLedger(db, id, 3, 60000);
      expect(rows.map((r) => `${r.channel}:${r.status}`).sort()).toEqual([
        'in_app:sent',
        'in_app:sent',
        'webhook:sent',
      ]);
      expect(hooks.delivered(id)).toHaveLength(1);
    }
  });
});
