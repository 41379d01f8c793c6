import request from 'supertest';
import { DataSource } from 'typeorm';
import { NotificationRequestService } from '../../libs/rectification/src/notification-request.service';
import { createUnit, createUserAndLogin, dataSourceOf, TestAccount } from '../support/auth';
import { eventually, startTestStack, TestStack } from '../support/test-stack';
import { insertEvaluation, notificationOverrides } from './support/notification-fixtures';

/** The in-app inbox, preferences and the admin's unit webhook settings, over HTTP. */
describe('notifications API', () => {
  let stack: TestStack;
  let db: DataSource;
  let http: ReturnType<TestStack['api']['getHttpServer']>;
  let staff: TestAccount;
  let colleague: TestAccount;
  let head: TestAccount;
  let admin: TestAccount;
  let evaluationId: string;

  beforeAll(async () => {
    stack = await startTestStack({ overrides: notificationOverrides() });
    db = dataSourceOf(stack);
    http = stack.api.getHttpServer();
    const bureau = await createUnit(stack, { kind: 'bureau' });
    const dept = await createUnit(stack, { kind: 'department', parentId: bureau.id });
    staff = await createUserAndLogin(stack, { role: 'dept_user', unitId: dept.id });
    colleague = await createUserAndLogin(stack, { role: 'dept_user', unitId: dept.id });
    head = await createUserAndLogin(stack, { role: 'dept_user', unitId: dept.id, isUnitHead: true });
    admin = await createUserAndLogin(stack, { role: 'bureau_admin', unitId: bureau.id });
    evaluationId = await insertEvaluation(db);
    const enqueue = stack.worker!.get(NotificationRequestService);
    // One at a time, so the ids (and thus "newest first") follow this order.
    for (const [i, event] of (['issued', 'deadline_reminder', 'closed'] as const).entries()) {
      await enqueue.enqueue({
        key: `rectification-${evaluationId}-1.${i + 1}.${event}`,
        event,
        rectificationId: `rectification-${evaluationId}-1`,
        evaluationId,
        findingSeq: 1,
        unitId: dept.id,
        deadlineDate: '2026-12-31',
        occurredAt: new Date().toISOString(),
        payload: { findingTitle: '资金拨付滞后', actor: '系统', secondsBefore: 86400 },
      });
      await eventually(async () => {
        const [{ n }] = await db.query(
          'SELECT COUNT(*) AS n FROM notification WHERE userId IN (?, ?) AND event = ?',
          [staff.user.id, colleague.user.id, event],
        );
        return Number(n) === 2;
      });
    }
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('lists my own notifications, unread first, with paging and an unread count', async () => {
    const first = await request(http)
      .get('/api/v1/notifications?page=1&pageSize=2')
      .set(staff.auth)
      .expect(200);
    expect(first.body).toMatchObject({ total: 3, unread: 3, page: 1, pageSize: 2 });
    expect(first.body.items).toHaveLength(2);
    expect(first.body.items[0]).toMatchObject({
      event: 'closed',
      read: false,
      title: expect.stringContaining('【销号通知】'),
      link: expect.stringContaining('/rectifications/'),
    });

    const issued = (
      await request(http).get('/api/v1/notifications?pageSize=10').set(staff.auth)
    ).body.items.find((n: { event: string }) => n.event === 'issued');
    const read = await request(http)
      .post(`/api/v1/notifications/${issued.id}/read`)
      .set(staff.auth)
      .expect(200);
    expect(read.body).toMatchObject({ id: issued.id, read: true });
    await request(http).post(`/api/v1/notifications/${issued.id}/read`).set(staff.auth).expect(200);

    const all = await request(http).get('/api/v1/notifications?pageSize=10').set(staff.auth).expect(200);
    expect(all.body.items.map((n: { event: string; read: boolean }) => [n.event, n.read])).toEqual([
      ['closed', false],
      ['deadline_reminder', false],
      ['issued', true],
    ]);
    const unread = await request(http)
      .get('/api/v1/notifications?unreadOnly=true')
      .set(staff.auth)
      .expect(200);
    expect(unread.body).toMatchObject({ total: 2, unread: 2 });
    expect(
      (await request(http).get('/api/v1/notifications/unread-count').set(staff.auth).expect(200)).body,
    ).toEqual({ count: 2 });
  });

  it('never shows or changes another user’s notification', async () => {
    const mine = (await request(http).get('/api/v1/notifications').set(colleague.auth)).body.items[0];
    const res = await request(http).post(`/api/v1/notifications/${mine.id}/read`).set(staff.auth).expect(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
    expect((await request(http).get('/api/v1/notifications/unread-count').set(colleague.auth)).body).toEqual({
      count: 3,
    });
    expect((await request(http).get('/api/v1/notifications').set(admin.auth)).body).toMatchObject({
      total: 0,
      items: [],
    });
  });

  it('marks everything read at once', async () => {
    expect(
      (await request(http).post('/api/v1/notifications/read-all').set(colleague.auth).expect(200)).body,
    ).toEqual({ updated: 3 });
    expect((await request(http).get('/api/v1/notifications/unread-count').set(colleague.auth)).body).toEqual({
      count: 0,
    });
    expect((await request(http).get('/api/v1/notifications/unread-count').set(staff.auth)).body).toEqual({
      count: 2,
    });
  });

  it('lets users choose channels per event, but not leaders switch off escalations', async () => {
    const before = await request(http).get('/api/v1/notifications/preferences').set(staff.auth).expect(200);
    expect(before.body.find((p: { event: string }) => p.event === 'issued')).toEqual({
      event: 'issued',
      label: '下发通知',
      channels: ['in_app', 'email'],
      locked: false,
    });
    const put = await request(http)
      .put('/api/v1/notifications/preferences')
      .set(staff.auth)
      .send({
        preferences: [
          { event: 'deadline_reminder', channels: ['email'] },
          { event: 'escalation', channels: [] },
        ],
      })
      .expect(200);
    expect(put.body.find((p: { event: string }) => p.event === 'deadline_reminder').channels).toEqual([
      'email',
    ]);
    expect(put.body.find((p: { event: string }) => p.event === 'escalation')).toMatchObject({
      channels: [],
      locked: false,
    });

    const locked = (await request(http).get('/api/v1/notifications/preferences').set(head.auth)).body.find(
      (p: { event: string }) => p.event === 'escalation',
    );
    expect(locked).toMatchObject({ channels: ['in_app', 'email'], locked: true });
    const refused = await request(http)
      .put('/api/v1/notifications/preferences')
      .set(head.auth)
      .send({
        preferences: [
          { event: 'issued', channels: [] },
          { event: 'escalation', channels: ['in_app'] },
        ],
      })
      .expect(400);
    expect(refused.body.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: { escalation: [expect.stringContaining('不能关闭')] } },
    });
    // all or nothing: the allowed change in the same request was not applied either
    const after = (await request(http).get('/api/v1/notifications/preferences').set(head.auth)).body;
    expect(after.find((p: { event: string }) => p.event === 'issued').channels).toEqual(['in_app', 'email']);

    const bad = await request(http)
      .put('/api/v1/notifications/preferences')
      .set(staff.auth)
      .send({ preferences: [{ event: 'nonsense', channels: ['sms'] }] })
      .expect(400);
    expect(Object.keys(bad.body.error.details.fields).sort()).toEqual([
      'preferences.0.channels',
      'preferences.0.event',
    ]);
  });

  it('lets bureau_admin set a unit’s webhook format and DingTalk secret, never showing the token', async () => {
    const unit = await createUnit(stack, { kind: 'department' });
    await db.query('UPDATE unit SET webhookUrl = ? WHERE id = ?', [
      'https://oapi.dingtalk.com/robot/send?access_token=tok123',
      unit.id,
    ]);
    const detected = await request(http)
      .get(`/api/v1/admin/units/${unit.id}/webhook`)
      .set(admin.auth)
      .expect(200);
    expect(detected.body).toEqual({
      unitId: unit.id,
      webhook: 'https://oapi.dingtalk.com/robot/send',
      format: 'dingtalk',
      formatSource: 'detected',
      hasSignSecret: false,
    });
    const set = await request(http)
      .put(`/api/v1/admin/units/${unit.id}/webhook`)
      .set(admin.auth)
      .send({ format: 'dingtalk', signSecret: 'SECabc' })
      .expect(200);
    expect(set.body).toMatchObject({ format: 'dingtalk', formatSource: 'configured', hasSignSecret: true });
    expect(JSON.stringify(set.body)).not.toContain('SECabc');
    const kept = await request(http)
      .put(`/api/v1/admin/units/${unit.id}/webhook`)
      .set(admin.auth)
      .send({ format: 'generic' })
      .expect(200);
    expect(kept.body).toMatchObject({ format: 'generic', hasSignSecret: true });
    await request(http)
      .put(`/api/v1/admin/units/${unit.id}/webhook`)
      .set(admin.auth)
      .send({ format: 'sms' })
      .expect(400);
    await request(http).get(`/api/v1/admin/units/${unit.id}/webhook`).set(staff.auth).expect(403);
    await request(http).get('/api/v1/admin/units/999999999/webhook').set(admin.auth).expect(404);
    await request(http).get('/api/v1/admin/notification-failures').set(staff.auth).expect(403);
  });
});
