import { DataSource } from 'typeorm';
import { NotificationRequestService } from '../../libs/rectification/src/notification-request.service';
import { dataSourceOf } from '../support/auth';
import { testConfig } from '../support/test-config';
import { startTestStack, TestStack } from '../support/test-stack';
import {
  buildWorld,
  newRectificationId,
  notificationOverrides,
  notificationRequest,
  NotifyWorld,
  settledLedger,
  WEBHOOK_SECRET,
} from '../notifications/support/notification-fixtures';
import { WebhookReceiver } from '../notifications/support/webhook-receiver';
import { PrivateRedis } from './private-servers';

/**
 * Redis crashes (SIGKILL) while notifications wait in their queues and comes back from its append-only file:
 * every queued notification is delivered, each recipient once.
 */
describe('fault: Redis restarted while notifications are pending', () => {
  const redis = new PrivateRedis();
  const hooks = new WebhookReceiver(WEBHOOK_SECRET);
  let stack: TestStack;
  let db: DataSource;
  let w: NotifyWorld;

  beforeAll(async () => {
    await redis.start();
    await hooks.start();
    stack = await startTestStack({ config: testConfig(notificationOverrides({ REDIS_URL: redis.url })) });
    db = dataSourceOf(stack);
    w = await buildWorld(stack, hooks, 'redis-crash');
  });
  afterAll(async () => {
    await stack?.close().catch(() => undefined);
    await hooks.stop();
    await redis.destroy();
  });

  it('delivers every queued notification exactly once after the crash', async () => {
    const enqueue = stack.worker!.get(NotificationRequestService);
    const ids = Array.from({ length: 20 }, () => newRectificationId(w));
    for (const id of ids) await enqueue.enqueue(notificationRequest(w, id, 'closed'));
    await redis.kill();
    await new Promise((r) => setTimeout(r, 2000));
    await redis.start();

    for (const id of ids) {
      // 销号通知: the unit robot, staff1 and staff2 in the app.
      const rows = await settledLedger(db, id, 3, 90_000);
      expect(rows.map((r) => `${r.channel}:${r.status}`).sort()).toEqual([
        'in_app:sent',
        'in_app:sent',
        'webhook:sent',
      ]);
      const keys = new Set(hooks.delivered(id).map((h) => String(h.headers['x-rectiflow-delivery'])));
      expect(keys.size).toBe(1);
      const inApp = await db.query('SELECT COUNT(*) AS n FROM notification WHERE rectificationId = ?', [id]);
      expect(Number(inApp[0].n)).toBe(2);
    }
  });
});
