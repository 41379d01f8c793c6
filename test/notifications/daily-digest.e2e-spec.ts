import { Client, ScheduleHandle } from '@temporalio/client';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dailyDigestScheduleId, DailyDigestResult } from '../../libs/contracts/src';
import { addDays, dateInZone } from '../../libs/notifications/src/context/format';
import { DigestScheduleService } from '../../libs/notifications/src/digest/digest-schedule.service';
import { createUnit, createUser, dataSourceOf, TestUnit, TestUser } from '../support/auth';
import { eventually, startTestStack, TestStack } from '../support/test-stack';
import {
  buildWorld,
  ledger,
  notificationOverrides,
  NotifyWorld,
  WEBHOOK_SECRET,
} from './support/notification-fixtures';
import { insertDigestItem } from './support/digest-fixtures';
import { SmtpSink } from './support/smtp-sink';
import { WebhookReceiver } from './support/webhook-receiver';

const tag = randomBytes(3).toString('hex');

/** 每日整改汇总 from the real Schedule and workflow, against rows of the read model. */
describe('daily digest', () => {
  const smtp = new SmtpSink();
  const hooks = new WebhookReceiver(WEBHOOK_SECRET);
  let stack: TestStack;
  let db: DataSource;
  let w: NotifyWorld;
  let quiet: TestUnit;
  let quietStaff: TestUser;
  let schedule: ScheduleHandle;
  let today: string;
  const titles: Record<string, string> = {};

  beforeAll(async () => {
    await smtp.start();
    await hooks.start();
    stack = await startTestStack({
      overrides: notificationOverrides({ SMTP_URL: smtp.url, DIGEST_SCHEDULE: 'true', DIGEST_TIME: '07:45' }),
    });
    db = dataSourceOf(stack);
    w = await buildWorld(stack, hooks, `digest${tag}`);
    quiet = await createUnit(stack, { kind: 'department', parentId: w.bureau.id });
    quietStaff = await createUser(stack, { role: 'dept_user', unitId: quiet.id });
    today = dateInZone(new Date(), 'Asia/Shanghai');
    const e = w.evaluationId;
    titles.overdue = await insertDigestItem(db, tag, {
      evaluationId: e,
      seq: 1,
      unitId: w.dept.id,
      status: 'in_progress',
      deadline: addDays(today, -3),
      escalationLevel: 1,
    });
    titles.soon = await insertDigestItem(db, tag, {
      evaluationId: e,
      seq: 2,
      unitId: w.dept.id,
      status: 'acknowledged',
      deadline: addDays(today, 2),
    });
    titles.closed = await insertDigestItem(db, tag, {
      evaluationId: e,
      seq: 3,
      unitId: w.dept.id,
      status: 'closed',
      deadline: addDays(today, -10),
    });
    titles.far = await insertDigestItem(db, tag, {
      evaluationId: e,
      seq: 4,
      unitId: w.dept.id,
      status: 'in_progress',
      deadline: addDays(today, 30),
    });
    titles.review = await insertDigestItem(db, tag, {
      evaluationId: e,
      seq: 5,
      unitId: w.dept2.id,
      status: 'submitted',
      deadline: addDays(today, 30),
    });
    titles.extension = await insertDigestItem(db, tag, {
      evaluationId: e,
      seq: 6,
      unitId: w.dept2.id,
      status: 'in_progress',
      deadline: addDays(today, 20),
      pendingExtension: true,
    });
    titles.quiet = await insertDigestItem(db, tag, {
      evaluationId: e,
      seq: 7,
      unitId: quiet.id,
      status: 'in_progress',
      deadline: addDays(today, 60),
    });
    schedule = stack
      .worker!.get(Client)
      .schedule.getHandle(dailyDigestScheduleId(stack.config.temporal.taskQueue));
  });
  afterAll(async () => {
    await schedule?.delete().catch(() => undefined);
    // These rows were written by hand, not by workflows: leave no open items behind in the shared database.
    if (w) await db.query('DELETE FROM rectification WHERE evaluationId = ?', [w.evaluationId]);
    await stack?.close();
    await smtp.stop();
    await hooks.stop();
  });

  /** The body of a user's in-app digest for today, once it has arrived. */
  async function digestOf(userId: number): Promise<string> {
    const rows: { body: string }[] = await eventually(async () => {
      const r = await db.query(
        `SELECT body FROM notification WHERE userId = ? AND event = 'daily_digest' AND deliveryKey LIKE ?`,
        [userId, `digest.${today}.%`],
      );
      return r.length ? r : null;
    });
    expect(rows).toHaveLength(1);
    return rows[0].body;
  }
  /** The lines of one section ("一、" … up to the next heading). */
  const section = (body: string, heading: string) =>
    body.split(/\n(?=[一二三]、|整改台账)/).find((s) => s.startsWith(heading)) ?? '';

  it('creates its Schedule at worker start: daily at DIGEST_TIME in TIMEZONE, idempotently', async () => {
    const d = await schedule.describe();
    expect(d.spec.timezone).toBe('Asia/Shanghai');
    expect(d.spec.calendars).toEqual([
      expect.objectContaining({
        hour: [{ start: 7, end: 7, step: 1 }],
        minute: [{ start: 45, end: 45, step: 1 }],
      }),
    ]);
    expect(d.action).toMatchObject({
      type: 'startWorkflow',
      workflowType: 'dailyDigestWorkflow',
      taskQueue: stack.config.temporal.taskQueue,
    });
    await expect(stack.worker!.get(DigestScheduleService).ensure()).resolves.toBe(schedule.scheduleId);
  });

  it('sends each bureau reviewer the overdue, due-this-week and awaiting-review items of their bureau', async () => {
    await schedule.trigger();
    for (const reviewer of [w.reviewer1, w.reviewer2]) {
      const body = await digestOf(reviewer.id);
      expect(section(body, '一、已逾期')).toContain(`${titles.overdue}\n   整改时限 `);
      expect(section(body, '一、已逾期')).toContain('已逾期 3 天，已发提醒函');
      expect(section(body, '二、7 日内到期')).toContain(titles.soon);
      expect(section(body, '二、7 日内到期')).toContain('还有 2 天到期');
      expect(section(body, '三、待审核')).toContain(
        `${titles.review}\n   整改时限 ${Number(addDays(today, 30).slice(0, 4))}年`,
      );
      expect(section(body, '三、待审核')).toMatch(new RegExp(`${titles.extension}\\n.*延期申请待审批`));
      for (const t of [titles.closed, titles.far, titles.quiet]) expect(body).not.toContain(t);
      expect(body).toContain('2025年度城区道路维护项目');
    }
    const mails = () =>
      smtp.mails.filter(
        (m) => m.to[0] === `${w.reviewer1.username}@test.example` && m.subject.startsWith('【每日整改汇总】'),
      );
    await eventually(async () => mails().length > 0);
    expect(mails()).toHaveLength(1);
    expect(mails()[0].text).toContain(titles.overdue);
  });

  it('sends each department its own items on its channels, and nothing to a department with nothing due', async () => {
    const body = await digestOf(w.staff1.id);
    expect(section(body, '一、已逾期')).toContain(titles.overdue);
    expect(section(body, '二、7 日内到期')).toContain(titles.soon);
    expect(section(body, '三、已提交、待财政局审核')).toMatch(/（0 项）\n无\s*$/);
    for (const t of [titles.review, titles.extension, titles.closed, titles.far])
      expect(body).not.toContain(t);
    expect(await digestOf(w.head.id)).toBe(body);

    const other = await digestOf(w.staff3.id);
    expect(section(other, '三、已提交、待财政局审核')).toContain(titles.review);
    expect(section(other, '三、已提交、待财政局审核')).toContain(titles.extension);
    expect(other).not.toContain(titles.overdue);

    const unitKey = `digest.${today}.unit${w.dept.id}`;
    const rows = await eventually(async () => {
      const r = await ledger(db, unitKey);
      return r.length === 8 && r.every((x) => x.status === 'sent') ? r : null;
    });
    expect(rows.map((r) => r.channel).sort()).toEqual([
      'email',
      'email',
      'email',
      'email',
      'in_app',
      'in_app',
      'in_app',
      'webhook',
    ]);
    const robot = hooks.delivered(unitKey);
    expect(robot).toHaveLength(1);
    expect(robot[0].json).toMatchObject({
      event: 'daily_digest',
      title: expect.stringContaining('逾期 1 项，7 日内到期 1 项'),
    });
    expect(robot[0].signatureValid).toBe(true);

    expect(await ledger(db, `digest.${today}.unit${quiet.id}`)).toEqual([]);
    const [{ n }] = await db.query(`SELECT COUNT(*) AS n FROM notification WHERE userId = ?`, [
      quietStaff.id,
    ]);
    expect(Number(n)).toBe(0);
    const stranger = await db.query(
      `SELECT body FROM notification WHERE userId = ? AND event = 'daily_digest'`,
      [w.otherReviewer.id],
    );
    for (const s of stranger) expect(s.body).not.toContain(titles.overdue);
  });

  it('sends one digest per day however often it runs', async () => {
    const client = stack.worker!.get(Client);
    const result: DailyDigestResult = await client.workflow.execute('dailyDigestWorkflow', {
      taskQueue: stack.config.temporal.taskQueue,
      workflowId: `digest-again-${tag}`,
      args: [{}],
    });
    expect(result.date).toBe(today);
    expect(result.reviewerDigests).toBeGreaterThanOrEqual(2);
    await new Promise((r) => setTimeout(r, 1000));
    for (const u of [w.reviewer1, w.staff1, w.staff3]) {
      const [{ n }] = await db.query(
        `SELECT COUNT(*) AS n FROM notification WHERE userId = ? AND event = 'daily_digest'`,
        [u.id],
      );
      expect(Number(n)).toBe(1);
    }
    expect(hooks.delivered(`digest.${today}.unit${w.dept.id}`)).toHaveLength(1);
  });
});
