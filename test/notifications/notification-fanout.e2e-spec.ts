import { Client } from '@temporalio/client';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { NotificationEvent } from '../../libs/contracts/src';
import { DeliveryQueues } from '../../libs/notifications/src/delivery/delivery-queues';
import { NotificationRequestService } from '../../libs/rectification/src/notification-request.service';
import { createUnit, createUser, dataSourceOf, login } from '../support/auth';
import { rectificationInput } from '../support/rectification-fixtures';
import { eventually, startTestStack, TestStack } from '../support/test-stack';
import {
  buildWorld,
  describeRow,
  LedgerRow,
  newRectificationId,
  notificationOverrides,
  notificationRequest,
  NotifyWorld,
  settledLedger,
  WEBHOOK_SECRET,
} from './support/notification-fixtures';
import { SmtpSink } from './support/smtp-sink';
import { WebhookReceiver } from './support/webhook-receiver';

/** Each event reaches the right people on the right channels, exactly once (issue 6, "Done when"). */
describe('notification fan-out', () => {
  const smtp = new SmtpSink();
  const hooks = new WebhookReceiver(WEBHOOK_SECRET);
  let stack: TestStack;
  let db: DataSource;
  let w: NotifyWorld;
  let enqueue: NotificationRequestService;

  beforeAll(async () => {
    await smtp.start();
    await hooks.start();
    stack = await startTestStack({ overrides: notificationOverrides({ SMTP_URL: smtp.url }) });
    db = dataSourceOf(stack);
    w = await buildWorld(stack, hooks, 'fanout');
    enqueue = stack.worker!.get(NotificationRequestService);
    // staff2 wants 下发通知 in the app only (through the API, as a user would set it)
    const s2 = await login(stack, w.staff2.username, w.staff2.password);
    await request(stack.api.getHttpServer())
      .put('/api/v1/notifications/preferences')
      .set({ Authorization: `Bearer ${s2.accessToken}` })
      .send({ preferences: [{ event: 'issued', channels: ['in_app'] }] })
      .expect(200);
    // The head once switched escalations off (before becoming head): escalations to leaders ignore that.
    await db.query(
      `INSERT INTO notification_preference (userId, event, channels) VALUES (?, 'escalation', '[]')`,
      [w.head.id],
    );
  });
  afterAll(async () => {
    await stack?.close();
    await smtp.stop();
    await hooks.stop();
  });

  const mail = (tag: string) => `email:${tag}`;
  /** The right people per event, as "channel:who" (see describeRow). */
  /** `issuer`: the request names the reviewer in charge (a real workflow's issuer here is not an account). */
  function expected(event: NotificationEvent, level?: number, issuer = false): string[] {
    const person = (id: number) => [`in_app:u${id}`, `email:u${id}`];
    const unit = [mail('office-fanout@dept.example.cn'), `webhook:unit${w.dept.id}`];
    const staff = [...person(w.staff1.id), ...person(w.staff2.id)];
    if (event === 'issued') return [...unit, ...person(w.staff1.id), `in_app:u${w.staff2.id}`];
    // Every rung reaches the unit's handlers and the reviewer in charge; each adds to the one before.
    const rung = [...unit, ...staff, ...(issuer ? person(w.reviewer1.id) : [])];
    if (event === 'escalation' && level === 1) return rung;
    if (event === 'escalation' && level === 2) return [...rung, ...person(w.head.id)];
    if (event === 'escalation' && level === 3) return [...rung, ...person(w.head.id), ...person(w.leader.id)];
    if (event === 'escalation' && level === 4)
      return [
        ...rung,
        ...person(w.head.id),
        ...person(w.leader.id),
        mail('bureau-fanout@czj.example.cn'),
        `webhook:unit${w.bureau.id}`,
      ];
    if (['plan_submitted', 'submitted', 'extension_requested'].includes(event))
      return [...person(w.reviewer1.id), ...person(w.reviewer2.id)];
    if (event === 'reassigned') return [...unit, ...staff, ...person(w.staff3.id)];
    return [...unit, ...staff];
  }

  function byNotification(rows: LedgerRow[]): Map<string, LedgerRow[]> {
    const out = new Map<string, LedgerRow[]>();
    for (const r of rows) out.set(r.notificationKey, [...(out.get(r.notificationKey) ?? []), r]);
    return out;
  }

  /** The ledger says sent; and each sink got each delivery exactly once — in-app rows, mails, signed webhooks. */
  async function expectDeliveredOnce(prefix: string, rows: LedgerRow[]): Promise<void> {
    expect(rows.filter((r) => r.status !== 'sent')).toEqual([]);
    const keys = (channel: string) =>
      rows
        .filter((r) => r.channel === channel)
        .map((r) => r.deliveryKey)
        .sort();

    const inApp: { deliveryKey: string; userId: number }[] = await db.query(
      'SELECT deliveryKey, userId FROM notification WHERE deliveryKey LIKE ?',
      [`${prefix}%`],
    );
    expect(inApp.map((n) => n.deliveryKey).sort()).toEqual(keys('in_app'));

    const mails = smtp.withDeliveryPrefix(prefix);
    expect(mails.map((m) => m.headers['x-rectiflow-delivery']).sort()).toEqual(keys('email'));
    for (const r of rows.filter((x) => x.channel === 'email')) {
      const m = mails.find((x) => x.headers['x-rectiflow-delivery'] === r.deliveryKey)!;
      expect(m.to).toEqual([r.target]);
    }

    const webhooks = hooks.delivered(prefix);
    expect(webhooks.map((h) => h.headers['x-rectiflow-delivery']).sort()).toEqual(keys('webhook'));
    expect(webhooks.every((h) => h.signatureValid)).toBe(true);
  }

  it('delivers every event type to its audience on its channels, once', async () => {
    const rid = newRectificationId(w);
    const cases: Array<[NotificationEvent, { level?: 1 | 2 | 3 | 4; payload?: Record<string, unknown> }]> = [
      ['issued', {}],
      ['deadline_reminder', { payload: { secondsBefore: 3 * 86400 } }],
      ['escalation', { level: 1, payload: { issuerUserId: w.reviewer1.id } }],
      ['escalation', { level: 2, payload: { issuerUserId: w.reviewer1.id } }],
      ['escalation', { level: 3, payload: { issuerUserId: w.reviewer1.id } }],
      ['escalation', { level: 4, payload: { issuerUserId: w.reviewer1.id } }],
      ['plan_submitted', {}],
      ['plan_returned', { payload: { comment: '措施不具体' } }],
      ['plan_approved', { payload: { comment: '同意' } }],
      ['submitted', {}],
      ['review_returned', { payload: { comment: '佐证不足' } }],
      ['ongoing', { payload: { comment: '持续跟踪' } }],
      ['extension_requested', {}],
      ['extension_decided', { payload: { approved: true, comment: '同意', deadline: '2027-03-31' } }],
      ['closed', {}],
      ['reassigned', { payload: { fromUnitId: w.dept2.id } }],
      ['cancelled', { payload: { reason: '问题撤回' } }],
      ['milestone_due', { payload: { measure: '修订办法', targetDate: '2027-01-15' } }],
      ['progress_report_due', {}],
    ];
    const requests = cases.map(([event, opts]) => notificationRequest(w, rid, event, opts));
    for (const r of requests) await enqueue.enqueue(r);
    // A retried activity or a double click: the same key again changes nothing.
    for (const r of requests.slice(0, 3)) await enqueue.enqueue(r);

    const total = cases.reduce((n, [e, o]) => n + expected(e, o.level, e === 'escalation').length, 0);
    const rows = await settledLedger(db, rid, total);
    expect(rows).toHaveLength(total);
    const grouped = byNotification(rows);
    for (const r of requests)
      expect([r.event, r.level, (grouped.get(r.key) ?? []).map(describeRow).sort()]).toEqual([
        r.event,
        r.level,
        expected(r.event, r.level, r.event === 'escalation').sort(),
      ]);
    await expectDeliveredOnce(rid, rows);
    expect(rows.some((r) => r.recipientUserId === w.otherReviewer.id)).toBe(false);

    const supervision = smtp
      .withDeliveryPrefix(rid)
      .find((m) => m.subject.startsWith('【督办通知】') && m.to[0] === 'office-fanout@dept.example.cn')!;
    expect(supervision.text).toContain('2025年度城区道路维护项目');
    expect(supervision.text).toContain(`https://rectiflow.test/rectifications/${rid}`);
    const robot = hooks.delivered(rid).find((h) => h.json.event === 'closed')!;
    expect(robot.json).toMatchObject({
      rectificationId: rid,
      title: expect.stringContaining('【销号通知】'),
      unitId: w.dept.id,
    });
  });

  it('sends nothing twice when a delivery job is added again after it completed', async () => {
    const rid = newRectificationId(w);
    const req = notificationRequest(w, rid, 'closed');
    await enqueue.enqueue(req);
    const rows = await settledLedger(db, rid, expected('closed').length);
    const hook = rows.find((r) => r.channel === 'webhook')!;
    const queue = stack.worker!.get(DeliveryQueues).queue('webhook');
    const job = (await queue.getJob(hook.deliveryKey))!;
    expect(await job.getState()).toBe('completed');
    await job.remove();
    await queue.add(job.name, job.data, { jobId: hook.deliveryKey });
    const again = await eventually(async () => {
      const j = await queue.getJob(hook.deliveryKey);
      return j && (await j.getState()) === 'completed' ? j : null;
    });
    expect(again.returnvalue).toBe('already_sent');
    expect(hooks.delivered(hook.deliveryKey)).toHaveLength(1);
  });

  it('notifies along a real rectification workflow: reminder, 提醒函, 督办, 约谈, 通报', async () => {
    const input = rectificationInput({
      evaluationId: w.evaluationId,
      findingSeq: 900 + Math.floor(Math.random() * 1000),
      unitId: w.dept.id,
      deadlineInSeconds: 4,
      policy: { reminderOffsetsSeconds: [2], escalationOffsetsSeconds: [1, 2, 3, 4] },
    });
    const client = stack.worker!.get(Client);
    const handle = await client.workflow.start('rectificationWorkflow', {
      taskQueue: stack.config.temporal.taskQueue,
      workflowId: input.rectificationId,
      args: [input],
    });
    const ladder: Array<[NotificationEvent, number | undefined]> = [
      ['issued', undefined],
      ['deadline_reminder', undefined],
      ['escalation', 1],
      ['escalation', 2],
      ['escalation', 3],
      ['escalation', 4],
    ];
    const total = ladder.reduce((n, [e, l]) => n + expected(e, l).length, 0);
    const rows = await settledLedger(db, input.rectificationId, total, 90000);
    await handle.terminate('test done');
    const order = (xs: unknown[][]) => xs.map((x) => JSON.stringify(x)).sort();
    const seen = [...byNotification(rows).values()].map((group) => [
      group[0].event,
      group[0].level ?? undefined,
      group.map(describeRow).sort(),
    ]);
    expect(order(seen)).toEqual(order(ladder.map(([e, l]) => [e, l, expected(e, l).sort()])));
    await expectDeliveredOnce(input.rectificationId, rows);
    const [{ n }] = await db.query(
      `SELECT COUNT(*) AS n FROM notification WHERE userId = ? AND rectificationId = ? AND event = 'escalation'`,
      [w.head.id, input.rectificationId],
    );
    expect(Number(n)).toBe(3);
  });

  it('each rung of a back-dated item reaches its people: handlers and issuer, then head, leaders, parent unit', async () => {
    // A project unit under the department: its parent's accounts hear of 通报, the bureau's leaders of 约谈.
    const project = await createUnit(stack, { kind: 'project_unit', parentId: w.dept.id });
    const clerk = await createUser(stack, { role: 'dept_user', unitId: project.id });
    const projectHead = await createUser(stack, { role: 'dept_leader', unitId: project.id });
    const input = rectificationInput({
      evaluationId: w.evaluationId,
      findingSeq: 2000 + Math.floor(Math.random() * 1000),
      unitId: project.id,
      deadlineInSeconds: -600,
      policy: { reminderOffsetsSeconds: [], escalationOffsetsSeconds: [1, 2, 3, 4] },
    });
    input.issuedBy = { userId: w.reviewer1.id, name: '审核员', role: 'bureau_reviewer', unitId: w.bureau.id };
    const handle = await stack.worker!.get(Client).workflow.start('rectificationWorkflow', {
      taskQueue: stack.config.temporal.taskQueue,
      workflowId: input.rectificationId,
      args: [input],
    });
    const sorted = (ids: number[]) => [...ids].sort();
    const base = [clerk.id, w.reviewer1.id];
    // The department's accounts hear of 通报; its head switched escalations off (beforeAll) and is not this
    // item's unit head, so the preference holds for him.
    const expected = new Map<number, number[]>([
      [1, sorted(base)],
      [2, sorted([...base, projectHead.id])],
      [3, sorted([...base, projectHead.id, w.leader.id])],
      [4, sorted([...base, projectHead.id, w.leader.id, w.staff1.id, w.staff2.id])],
    ]);
    // Waits for every rung's last recipient (a rung's notices are written one by one), then compares.
    const byLevel = await eventually(
      async () => {
        const rows: { level: number; userId: number; body: string }[] = await db.query(
          `SELECT level, userId, body FROM notification WHERE rectificationId = ? AND event = 'escalation'`,
          [input.rectificationId],
        );
        const out = new Map<number, number[]>();
        for (const r of rows)
          out.set(Number(r.level), [...(out.get(Number(r.level)) ?? []), r.userId].sort());
        const complete = [...expected].every(([level, ids]) => (out.get(level)?.length ?? 0) >= ids.length);
        return complete ? { out, rows } : null;
      },
      90000,
      500,
    );
    await handle.terminate('test done');
    for (const [level, ids] of expected)
      expect({ level, ids: byLevel.out.get(level) }).toEqual({ level, ids });
    // The 通报 in the clerk's inbox cites the three rungs that happened, by date.
    const notice = byLevel.rows.find((r) => Number(r.level) === 4 && r.userId === clerk.id)!;
    expect(notice.body).toMatch(
      /经\d{4}年\d{1,2}月\d{1,2}日发出提醒函、\d{4}年\d{1,2}月\d{1,2}日督办、\d{4}年\d{1,2}月\d{1,2}日约谈，仍未完成整改/,
    );
  });
});
