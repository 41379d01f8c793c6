import { createServer } from 'node:net';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { DeliveryQueues } from '../../libs/notifications/src/delivery/delivery-queues';
import { NotificationRequestService } from '../../libs/rectification/src/notification-request.service';
import { createUserAndLogin, dataSourceOf, TestAccount } from '../support/auth';
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
import { SmtpSink } from './support/smtp-sink';
import { WebhookReceiver } from './support/webhook-receiver';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Receivers and mail servers that fail: retried, then failed visibly and retryable by an admin; never lost. */
describe('notification delivery failures', () => {
  const hooks = new WebhookReceiver(WEBHOOK_SECRET);
  const smtp = new SmtpSink();
  let smtpPort: number;
  let stack: TestStack;
  let db: DataSource;
  let w: NotifyWorld;
  let admin: TestAccount;
  let rid: string;

  beforeAll(async () => {
    await hooks.start();
    smtpPort = await freePort(); // nothing listens there: the SMTP server is down
    stack = await startTestStack({
      overrides: notificationOverrides({ SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, NOTIFY_ATTEMPTS: '5' }),
    });
    db = dataSourceOf(stack);
    w = await buildWorld(stack, hooks, 'failures');
    admin = await createUserAndLogin(stack, { role: 'bureau_admin', unitId: w.bureau.id });
    // The department's receiver answers 500 three times per delivery, then accepts.
    const attempts = new Map<string, number>();
    hooks.respond = (hook) => {
      const id = String(hook.headers['x-rectiflow-delivery']);
      attempts.set(id, (attempts.get(id) ?? 0) + 1);
      return hook.path.startsWith('/dept-') && attempts.get(id)! <= 3 ? 500 : 200;
    };
    rid = newRectificationId(w);
    await stack.worker!.get(NotificationRequestService).enqueue(notificationRequest(w, rid, 'issued'));
  });
  afterAll(async () => {
    await stack?.close();
    await hooks.stop();
    await smtp.stop();
  });

  it('retries a receiver that fails three times and delivers exactly once when it recovers', async () => {
    const row = await eventually(async () =>
      (await ledger(db, rid)).find((r) => r.channel === 'webhook' && r.status === 'sent'),
    );
    expect(row).toMatchObject({ attempts: 4, lastError: null });
    const calls = hooks.received.filter((h) => h.headers['x-rectiflow-delivery'] === row.deliveryKey);
    expect(calls.map((c) => c.status)).toEqual([500, 500, 500, 200]);
    expect(calls.every((c) => c.signatureValid)).toBe(true);
    // Same delivery id every time, so a receiver that saw a request but answered 500 can still drop a duplicate.
    expect(new Set(calls.map((c) => c.json.id))).toEqual(new Set([row.deliveryKey]));
    expect(hooks.delivered(row.deliveryKey)).toHaveLength(1);
  });

  it('fails email visibly after its retries while SMTP is down, without holding up the other channels', async () => {
    const rows = await settledLedger(db, rid, 6);
    const emails = rows.filter((r) => r.channel === 'email');
    expect(emails).toHaveLength(3); // the unit mailbox and two staff members
    for (const e of emails)
      expect(e).toMatchObject({
        status: 'failed',
        attempts: 5,
        lastError: expect.stringContaining('ECONNREFUSED'),
      });
    expect(rows.filter((r) => r.channel !== 'email').every((r) => r.status === 'sent')).toBe(true);
    const [{ webhookSent, lastEmailFailure }] = await db.query(
      `SELECT MAX(CASE WHEN channel = 'webhook' THEN sentAt END) AS webhookSent, MAX(CASE WHEN channel = 'email' THEN updatedAt END) AS lastEmailFailure
       FROM notification_delivery WHERE deliveryKey LIKE ?`,
      [`${rid}%`],
    );
    expect(new Date(webhookSent).getTime()).toBeLessThan(new Date(lastEmailFailure).getTime());

    const failedJobs = await stack.worker!.get(DeliveryQueues).queue('email').getFailed();
    expect(failedJobs.map((j) => j.id).sort()).toEqual(emails.map((e) => e.deliveryKey).sort());

    const list = await request(stack.api.getHttpServer())
      .get('/api/v1/admin/notification-failures?channel=email&pageSize=200')
      .set(admin.auth)
      .expect(200);
    const mine = list.body.items.filter((i: { deliveryKey: string }) => i.deliveryKey.startsWith(rid));
    expect(mine).toHaveLength(3);
    expect(mine[0]).toMatchObject({
      channel: 'email',
      event: 'issued',
      attempts: 5,
      lastError: expect.stringContaining('ECONNREFUSED'),
    });
    expect(list.body.failedRequests).toEqual([]);
  });

  it('delivers a failed email once an admin retries it after SMTP is back', async () => {
    await smtp.start(smtpPort);
    const rows = (await ledger(db, rid)).filter((r) => r.channel === 'email');
    const list = await request(stack.api.getHttpServer())
      .get('/api/v1/admin/notification-failures?channel=email&pageSize=200')
      .set(admin.auth);
    const ids = list.body.items
      .filter((i: { deliveryKey: string }) => i.deliveryKey.startsWith(rid))
      .map((i: { id: number }) => i.id);
    for (const id of ids)
      await request(stack.api.getHttpServer())
        .post(`/api/v1/admin/notification-failures/${id}/retry`)
        .set(admin.auth)
        .expect(202);
    const sent = await eventually(async () => {
      const now = (await ledger(db, rid)).filter((r) => r.channel === 'email');
      return now.every((r) => r.status === 'sent') ? now : null;
    });
    expect(sent.map((r) => r.attempts)).toEqual([6, 6, 6]);
    expect(
      smtp
        .withDeliveryPrefix(rid)
        .map((m) => m.headers['x-rectiflow-delivery'])
        .sort(),
    ).toEqual(rows.map((r) => r.deliveryKey).sort());
    expect(
      smtp.withDeliveryPrefix(rid).find((m) => m.to[0] === 'office-failures@dept.example.cn')?.subject,
    ).toContain('【下发通知】');

    const again = await request(stack.api.getHttpServer())
      .post(`/api/v1/admin/notification-failures/${ids[0]}/retry`)
      .set(admin.auth)
      .expect(409);
    expect(again.body.error.code).toBe('CONFLICT');
    await request(stack.api.getHttpServer())
      .post('/api/v1/admin/notification-failures/999999999/retry')
      .set(admin.auth)
      .expect(404);
  });
});
