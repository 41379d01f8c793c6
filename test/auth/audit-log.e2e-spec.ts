import request from 'supertest';
import { AuditService } from '../../libs/audit/src';
import type { AuditLogEntry as Entry } from '../../libs/contracts/src/api';
import { createUser, createUserAndLogin, dataSourceOf, TestAccount, uniq } from '../support/auth';
import { startTestStack, TestStack } from '../support/test-stack';

describe('audit log', () => {
  let stack: TestStack;
  let admin: TestAccount;
  const http = () => stack.api.getHttpServer();
  const entries = async (
    query: Record<string, string | number>,
    who: TestAccount = admin,
  ): Promise<Entry[]> =>
    (await request(http()).get('/api/v1/audit-log').query(query).set(who.auth).expect(200)).body.items;

  beforeAll(async () => {
    stack = await startTestStack({ worker: false });
    admin = await createUserAndLogin(stack, { role: 'bureau_admin' });
  });
  afterAll(() => stack?.close());

  it('records successful and failed logins, and logouts, with the client IP — never a password', async () => {
    const user = await createUser(stack, { role: 'dept_user' });
    await request(http())
      .post('/api/v1/auth/login')
      .send({ username: user.username, password: 'Wrong-passw0rd' })
      .expect(401);
    const ok = await request(http())
      .post('/api/v1/auth/login')
      .send({ username: user.username, password: user.password })
      .expect(200);
    await request(http())
      .post('/api/v1/auth/logout')
      .send({ refreshToken: ok.body.refreshToken })
      .expect(204);

    const trail = await entries({ entityType: 'app_user', entityId: String(user.id) });
    expect(trail.map((e) => e.action)).toEqual(['auth.logout', 'auth.login', 'auth.login_failed']);
    const [logout, login, failed] = trail;
    expect(failed).toMatchObject({
      actorId: null,
      actorName: 'anonymous',
      payload: { username: user.username, lockedForSeconds: 0 },
    });
    expect(login).toMatchObject({ actorId: user.id, actorName: user.username });
    expect(logout).toMatchObject({ actorId: user.id, actorName: user.username });
    for (const e of trail) {
      expect(e.ip).toMatch(/^(127\.0\.0\.1|::1)$/);
      expect(new Date(e.createdAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
      expect(JSON.stringify(e)).not.toMatch(/Wrong-passw0rd|Test-passw0rd|argon2/);
    }

    const ghost = uniq('ghost');
    await request(http())
      .post('/api/v1/auth/login')
      .send({ username: ghost, password: 'Wrong-passw0rd' })
      .expect(401);
    // Other test files log in concurrently: look for this attempt rather than take the newest one.
    const failures = await entries({ action: 'auth.login_failed', pageSize: 200 });
    expect(failures.find((e) => e.payload?.username === ghost)).toMatchObject({
      entityId: null,
      actorId: null,
    });
  });

  it('records user and unit changes with what changed and who changed it', async () => {
    const created = await request(http())
      .post('/api/v1/users')
      .set(admin.auth)
      .send({
        username: uniq('audited'),
        password: 'Initial-passw0rd',
        displayName: '赵六',
        role: 'dept_user',
        unitId: (await createUserAndLogin(stack, { role: 'dept_user' })).unitId,
      })
      .expect(201);
    const id = created.body.id;
    await request(http())
      .patch(`/api/v1/users/${id}`)
      .set(admin.auth)
      .send({ displayName: '赵六六', active: false })
      .expect(200);
    await request(http())
      .post(`/api/v1/users/${id}/reset-password`)
      .set(admin.auth)
      .send({ password: 'Another-passw0rd' })
      .expect(204);
    // A no-op change is not a change.
    await request(http())
      .patch(`/api/v1/users/${id}`)
      .set(admin.auth)
      .send({ displayName: '赵六六' })
      .expect(200);

    const trail = await entries({ entityType: 'app_user', entityId: String(id) });
    expect(trail.map((e) => e.action)).toEqual(['user.password_reset', 'user.update', 'user.create']);
    for (const e of trail) expect(e).toMatchObject({ actorId: admin.user.id, actorName: admin.username });
    expect(trail[1].payload).toEqual({
      changes: { displayName: { from: '赵六', to: '赵六六' }, active: { from: true, to: false } },
    });
    expect(trail[2].payload).toMatchObject({ username: created.body.username, role: 'dept_user' });
    expect(JSON.stringify(trail)).not.toMatch(/Initial-passw0rd|Another-passw0rd/);

    const unit = await request(http())
      .post('/api/v1/units')
      .set(admin.auth)
      .send({ code: uniq('au'), name: '审计单位', kind: 'department' })
      .expect(201);
    await request(http())
      .patch(`/api/v1/units/${unit.body.id}`)
      .set(admin.auth)
      .send({ name: '审计单位（改）' })
      .expect(200);
    const unitTrail = await entries({ entityType: 'unit', entityId: String(unit.body.id) });
    expect(unitTrail.map((e) => [e.action, e.payload])).toEqual([
      ['unit.update', { changes: { name: { from: '审计单位', to: '审计单位（改）' } } }],
      ['unit.create', { code: unit.body.code, name: '审计单位', kind: 'department', parentId: null }],
    ]);
  });

  it('filters by actor, action (exact or prefix), entity and time, newest first, paged', async () => {
    const actor = await createUserAndLogin(stack, { role: 'bureau_admin' });
    const before = new Date(Date.now() - 1000).toISOString();
    for (let i = 0; i < 3; i++)
      await request(http())
        .post('/api/v1/units')
        .set(actor.auth)
        .send({ code: uniq('f'), name: `单位${i}`, kind: 'department' })
        .expect(201);

    const mine = await entries({ actorId: actor.user.id });
    expect(mine.map((e) => e.action)).toEqual(['unit.create', 'unit.create', 'unit.create', 'auth.login']);
    expect(Number(mine[0].id)).toBeGreaterThan(Number(mine[1].id));
    expect((await entries({ actorId: actor.user.id, action: 'unit.' })).length).toBe(3);
    expect((await entries({ actorId: actor.user.id, action: 'unit' })).length).toBe(0);
    expect((await entries({ actorId: actor.user.id, action: 'auth.login' })).length).toBe(1);
    expect((await entries({ actorId: actor.user.id, from: before })).length).toBe(4);
    expect((await entries({ actorId: actor.user.id, to: before })).length).toBe(0);

    const page = (
      await request(http())
        .get('/api/v1/audit-log')
        .query({ actorId: actor.user.id, pageSize: 2, page: 2 })
        .set(admin.auth)
        .expect(200)
    ).body;
    expect(page).toMatchObject({ total: 4, page: 2, pageSize: 2 });
    expect(page.items.map((e: Entry) => e.action)).toEqual(['unit.create', 'auth.login']);

    const bad = await request(http())
      .get('/api/v1/audit-log')
      .query({ from: 'yesterday', action: 'DROP TABLE', actorId: 'me' })
      .set(admin.auth)
      .expect(400);
    expect(Object.keys(bad.body.error.details.fields).sort()).toEqual(['action', 'actorId', 'from']);
  });

  it('is readable by bureau_admin and auditor only', async () => {
    const auditor = await createUserAndLogin(stack, { role: 'auditor' });
    await entries({}, auditor);
    for (const role of ['bureau_reviewer', 'bureau_leader', 'dept_user', 'dept_leader'] as const) {
      const other = await createUserAndLogin(stack, { role });
      const res = await request(http()).get('/api/v1/audit-log').set(other.auth).expect(403);
      expect(res.body.error).toMatchObject({
        code: 'FORBIDDEN',
        details: { requiredRoles: ['bureau_admin', 'auditor'] },
      });
    }
  });

  it('offers no way to change the trail: no write routes, and AuditService only appends', async () => {
    const [first] = await entries({ pageSize: 1 });
    for (const method of ['post', 'put', 'patch', 'delete'] as const) {
      const res = await request(http())[method]('/api/v1/audit-log').set(admin.auth).send({});
      expect(res.status).toBe(404);
      const one = await request(http())[method](`/api/v1/audit-log/${first.id}`).set(admin.auth).send({});
      expect(one.status).toBe(404);
    }
    const service = stack.api.get(AuditService);
    const methods = Object.getOwnPropertyNames(Object.getPrototypeOf(service)).filter(
      (m) => m !== 'constructor',
    );
    expect(methods.sort()).toEqual(['record', 'search']);

    // Other modules record their own changes through it; secrets in a payload are redacted.
    await service.record({
      actor: { id: null, name: 'system' },
      action: 'test.secret',
      entityType: 'test',
      entityId: 7,
      ip: null,
      payload: { token: 'abc', note: 'ok' },
    });
    const [row] = await dataSourceOf(stack).query(
      "SELECT payload FROM audit_log WHERE action = 'test.secret' ORDER BY id DESC LIMIT 1",
    );
    const payload = typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload;
    expect(payload).toEqual({ token: '[redacted]', note: 'ok' });
  });
});
