import request from 'supertest';
import { createUnit, createUser, createUserAndLogin, login, TestAccount, uniq } from '../support/auth';
import { startTestStack, TestStack } from '../support/test-stack';

describe('users API', () => {
  let stack: TestStack;
  let admin: TestAccount;
  const http = () => stack.api.getHttpServer();

  beforeAll(async () => {
    stack = await startTestStack({ worker: false });
    admin = await createUserAndLogin(stack, { role: 'bureau_admin' });
  });
  afterAll(() => stack?.close());

  it('creates a user with an initial password that works, and never shows a password hash', async () => {
    const unit = await createUnit(stack, { kind: 'department', name: '景德镇市工业和信息化局' });
    const username = uniq('zhangsan');
    const res = await request(http())
      .post('/api/v1/users')
      .set(admin.auth)
      .send({
        username,
        password: 'Initial-passw0rd',
        displayName: '张三',
        role: 'dept_user',
        unitId: unit.id,
        email: 'zhangsan@gxj.example.cn',
        phone: '0798-8222222',
        isUnitHead: true,
      })
      .expect(201);
    expect(res.body).toEqual({
      id: expect.any(Number),
      username,
      displayName: '张三',
      role: 'dept_user',
      unitId: unit.id,
      unitName: '景德镇市工业和信息化局',
      email: 'zhangsan@gxj.example.cn',
      phone: '0798-8222222',
      active: true,
      isUnitHead: true,
      failedLogins: 0,
      lockedUntil: null,
      lastLoginAt: null,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    await login(stack, username, 'Initial-passw0rd');

    const one = await request(http()).get(`/api/v1/users/${res.body.id}`).set(admin.auth).expect(200);
    const page = await request(http())
      .get('/api/v1/users')
      .query({ unitId: unit.id })
      .set(admin.auth)
      .expect(200);
    expect(page.body).toMatchObject({ total: 1, page: 1, pageSize: 50, items: [{ id: res.body.id }] });
    for (const body of [res.body, one.body, page.body])
      expect(JSON.stringify(body)).not.toMatch(/password|argon2/i);
  });

  it('filters and pages the list', async () => {
    const unit = await createUnit(stack, { kind: 'department' });
    for (let i = 0; i < 3; i++)
      await createUser(stack, { role: 'dept_user', unitId: unit.id, displayName: `李四${i}` });
    await createUser(stack, { role: 'dept_leader', unitId: unit.id, displayName: '王五', active: false });
    const get = (query: Record<string, string | number | boolean>) =>
      request(http())
        .get('/api/v1/users')
        .query({ unitId: unit.id, ...query })
        .set(admin.auth)
        .expect(200);

    expect((await get({})).body.total).toBe(4);
    expect(
      (await get({ role: 'dept_leader' })).body.items.map((u: { displayName: string }) => u.displayName),
    ).toEqual(['王五']);
    expect((await get({ active: 'false' })).body.total).toBe(1);
    expect((await get({ active: 'true' })).body.total).toBe(3);
    expect((await get({ q: '李四' })).body.total).toBe(3);
    expect((await get({ q: '%' })).body.total).toBe(0);
    const p2 = (await get({ pageSize: 2, page: 2 })).body;
    expect(p2).toMatchObject({ total: 4, page: 2, pageSize: 2 });
    expect(p2.items).toHaveLength(2);

    const bad = await request(http())
      .get('/api/v1/users')
      .query({ pageSize: 1000, role: 'boss', page: 0 })
      .set(admin.auth)
      .expect(400);
    expect(Object.keys(bad.body.error.details.fields).sort()).toEqual(['page', 'pageSize', 'role']);
  });

  it('changes role, unit and active; a disabled account is cut off at once', async () => {
    const account = await createUserAndLogin(stack, { role: 'dept_user' });
    const other = await createUnit(stack, { kind: 'department' });
    const res = await request(http())
      .patch(`/api/v1/users/${account.user.id}`)
      .set(admin.auth)
      .send({ role: 'dept_leader', unitId: other.id, displayName: '新名字', email: null })
      .expect(200);
    expect(res.body).toMatchObject({
      role: 'dept_leader',
      unitId: other.id,
      displayName: '新名字',
      email: null,
    });
    // The guard reloads the account: the same token now carries the new role and unit.
    const me = await request(http()).get('/api/v1/auth/me').set(account.auth).expect(200);
    expect(me.body).toMatchObject({ role: 'dept_leader', unitId: other.id });

    await request(http())
      .patch(`/api/v1/users/${account.user.id}`)
      .set(admin.auth)
      .send({ active: false })
      .expect(200);
    await request(http()).get('/api/v1/auth/me').set(account.auth).expect(401);
    await request(http())
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: account.refreshToken })
      .expect(401);
    await request(http())
      .post('/api/v1/auth/login')
      .send({ username: account.username, password: account.password })
      .expect(401);

    await request(http())
      .patch(`/api/v1/users/${account.user.id}`)
      .set(admin.auth)
      .send({ active: true })
      .expect(200);
    await login(stack, account.username, account.password);
  });

  it('resets a password: the old one and every session stop working', async () => {
    const account = await createUserAndLogin(stack, { role: 'dept_user' });
    const weak = await request(http())
      .post(`/api/v1/users/${account.user.id}/reset-password`)
      .set(admin.auth)
      .send({ password: '12345678' })
      .expect(400);
    expect(weak.body.error.details.fields.password).toContain('密码须同时包含字母和数字');
    await request(http())
      .post(`/api/v1/users/${account.user.id}/reset-password`)
      .set(admin.auth)
      .send({ password: 'Brand-new-passw0rd' })
      .expect(204);
    await request(http())
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: account.refreshToken })
      .expect(401);
    await request(http())
      .post('/api/v1/auth/login')
      .send({ username: account.username, password: account.password })
      .expect(401);
    await login(stack, account.username, 'Brand-new-passw0rd');
    await request(http())
      .post('/api/v1/users/999999999/reset-password')
      .set(admin.auth)
      .send({ password: 'Brand-new-passw0rd' })
      .expect(404);
  });

  it('unlocks an account locked by failed logins, keeping its password, and audits it', async () => {
    const account = await createUserAndLogin(stack, { role: 'dept_user' });
    const attempt = (password: string) =>
      request(http()).post('/api/v1/auth/login').send({ username: account.username, password });
    for (let i = 0; i < 5; i++) await attempt('wrong-passw0rd');
    const locked = await attempt(account.password).expect(429);
    expect(locked.body.error.message).toMatch(/[\u4e00-\u9fff]/);

    const unlocked = await request(http())
      .post(`/api/v1/users/${account.user.id}/unlock`)
      .set(admin.auth)
      .expect(200);
    expect(unlocked.body).toMatchObject({ id: account.user.id, failedLogins: 0, lockedUntil: null });
    await attempt(account.password).expect(200);

    const audit = await request(http())
      .get('/api/v1/audit-log')
      .query({ entityType: 'app_user', entityId: account.user.id })
      .set(admin.auth)
      .expect(200);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toContain('user.unlock');
    await request(http()).post('/api/v1/users/999999999/unlock').set(admin.auth).expect(404);
  });

  it('rejects bad input field by field, unknown fields included', async () => {
    const res = await request(http())
      .post('/api/v1/users')
      .set(admin.auth)
      .send({
        username: 'a b',
        password: 'short',
        displayName: '',
        role: 'root',
        unitId: 0,
        email: 'nope',
        phone: 'call me',
        isAdmin: true,
      })
      .expect(400);
    expect(Object.keys(res.body.error.details.fields).sort()).toEqual(
      ['displayName', 'email', 'isAdmin', 'password', 'phone', 'role', 'unitId', 'username'].sort(),
    );
    await request(http())
      .patch(`/api/v1/users/${admin.user.id}`)
      .set(admin.auth)
      .send({ passwordHash: 'x' })
      .expect(400);
  });

  it('answers 409 for a taken username (case-insensitively) and 404 for a missing unit or user', async () => {
    const existing = await createUser(stack, { role: 'dept_user' });
    const unit = await createUnit(stack, { kind: 'department' });
    const body = { password: 'Initial-passw0rd', displayName: '重复', role: 'dept_user', unitId: unit.id };
    const dup = await request(http())
      .post('/api/v1/users')
      .set(admin.auth)
      .send({ ...body, username: existing.username.toUpperCase() })
      .expect(409);
    expect(dup.body.error).toMatchObject({ code: 'DUPLICATE', details: { field: 'username' } });
    const noUnit = await request(http())
      .post('/api/v1/users')
      .set(admin.auth)
      .send({ ...body, username: uniq('u'), unitId: 999999999 })
      .expect(404);
    expect(noUnit.body.error.message).toMatch(/单位/);
    await request(http()).get('/api/v1/users/999999999').set(admin.auth).expect(404);
    await request(http())
      .patch('/api/v1/users/999999999')
      .set(admin.auth)
      .send({ displayName: 'x' })
      .expect(404);
  });

  it('keeps roles in units of the right kind (400 on unitId)', async () => {
    const dept = await createUnit(stack, { kind: 'department' });
    const bureau = await createUnit(stack, { kind: 'bureau' });
    const body = { password: 'Initial-passw0rd', displayName: '错位' };
    const a = await request(http())
      .post('/api/v1/users')
      .set(admin.auth)
      .send({ ...body, username: uniq('u'), role: 'bureau_reviewer', unitId: dept.id })
      .expect(400);
    expect(a.body.error.details.fields).toHaveProperty('unitId');
    await request(http())
      .post('/api/v1/users')
      .set(admin.auth)
      .send({ ...body, username: uniq('u'), role: 'dept_user', unitId: bureau.id })
      .expect(400);
    const user = await createUser(stack, { role: 'dept_user', unitId: dept.id });
    await request(http())
      .patch(`/api/v1/users/${user.id}`)
      .set(admin.auth)
      .send({ role: 'bureau_admin' })
      .expect(400);
    await request(http())
      .patch(`/api/v1/users/${user.id}`)
      .set(admin.auth)
      .send({ role: 'bureau_admin', unitId: bureau.id })
      .expect(200);
  });

  it('does not let an admin disable or demote itself (409)', async () => {
    const self = await createUserAndLogin(stack, { role: 'bureau_admin' });
    await request(http())
      .patch(`/api/v1/users/${self.user.id}`)
      .set(self.auth)
      .send({ active: false })
      .expect(409);
    const demote = await request(http())
      .patch(`/api/v1/users/${self.user.id}`)
      .set(self.auth)
      .send({ role: 'auditor' })
      .expect(409);
    expect(demote.body.error.code).toBe('CONFLICT');
    await request(http())
      .patch(`/api/v1/users/${self.user.id}`)
      .set(self.auth)
      .send({ displayName: '管理员甲' })
      .expect(200);
  });

  it('lets bureau roles and auditors read, only bureau_admin write, and department roles nothing (403)', async () => {
    const target = await createUser(stack, { role: 'dept_user' });
    for (const role of ['bureau_reviewer', 'bureau_leader', 'auditor'] as const) {
      const reader = await createUserAndLogin(stack, { role });
      await request(http()).get('/api/v1/users').set(reader.auth).expect(200);
      await request(http()).get(`/api/v1/users/${target.id}`).set(reader.auth).expect(200);
      await request(http()).post('/api/v1/users').set(reader.auth).send({}).expect(403);
      await request(http())
        .patch(`/api/v1/users/${target.id}`)
        .set(reader.auth)
        .send({ active: false })
        .expect(403);
      await request(http())
        .post(`/api/v1/users/${target.id}/reset-password`)
        .set(reader.auth)
        .send({ password: 'Abcdefg123' })
        .expect(403);
    }
    for (const role of ['dept_user', 'dept_leader'] as const) {
      const dept = await createUserAndLogin(stack, { role });
      const res = await request(http()).get('/api/v1/users').set(dept.auth).expect(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
      await request(http()).get(`/api/v1/users/${dept.user.id}`).set(dept.auth).expect(403);
    }
  });
});
