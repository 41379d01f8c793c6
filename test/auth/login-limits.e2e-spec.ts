import request from 'supertest';
import { createUser, createUserAndLogin, dataSourceOf, login, TEST_PASSWORD, uniq } from '../support/auth';
import { startTestStack, TestStack } from '../support/test-stack';

const BAD_CREDENTIALS = '用户名或密码错误，或账号已停用';

/** Lockout per username + IP, per account, the per-IP throttle, and no user enumeration on the way. */
describe('auth: login limits', () => {
  describe('with the defaults (5 failures lock a username + IP pair for 5 minutes; no trusted proxy)', () => {
    let stack: TestStack;
    const attempt = (username: string, password: string, headers: Record<string, string> = {}) =>
      request(stack.api.getHttpServer()).post('/api/v1/auth/login').set(headers).send({ username, password });

    beforeAll(async () => {
      stack = await startTestStack({ worker: false });
    });
    afterAll(() => stack?.close());

    it('locks after 5 failures with 429 and the wait, even for the right password', async () => {
      const user = await createUser(stack, { role: 'dept_user' });
      for (let i = 1; i <= 4; i++) {
        const res = await attempt(user.username, `wrong-${i}`).expect(401);
        expect(res.body.error).toEqual({
          code: 'UNAUTHENTICATED',
          message: BAD_CREDENTIALS,
          details: { reason: 'invalid_credentials' },
        });
      }
      const fifth = await attempt(user.username, 'wrong-5').expect(429);
      expect(fifth.body.error).toEqual({
        code: 'RATE_LIMITED',
        message: '登录失败次数过多，请 5 分钟后再试',
        details: { retryAfterSeconds: 300 },
      });
      const right = await attempt(user.username, TEST_PASSWORD).expect(429);
      expect(right.body.error.details.retryAfterSeconds).toBeGreaterThan(290);
      // Case does not get around it (usernames compare case-insensitively).
      await attempt(user.username.toUpperCase(), TEST_PASSWORD).expect(429);
      // A forged X-Forwarded-For is ignored when no proxy is trusted.
      await attempt(user.username, TEST_PASSWORD, { 'X-Forwarded-For': '203.0.113.7' }).expect(429);
    });

    it('answers an unknown username exactly like a wrong password, lockout included', async () => {
      const real = await createUser(stack, { role: 'dept_user' });
      const ghost = uniq('nobody');
      const trace = async (username: string) => {
        const out: unknown[] = [];
        for (let i = 0; i < 6; i++) {
          const res = await attempt(username, 'wrong-password-1');
          out.push({ status: res.status, body: res.body });
        }
        return out;
      };
      expect(await trace(ghost)).toEqual(await trace(real.username));
    });

    it('gives a disabled account the same answer, even with its right password', async () => {
      const user = await createUser(stack, { role: 'dept_user', active: false });
      const res = await attempt(user.username, TEST_PASSWORD).expect(401);
      expect(res.body.error.message).toBe(BAD_CREDENTIALS);
    });

    it('locks only that username: others from the same address still log in, and success resets the count', async () => {
      const victim = await createUser(stack, { role: 'dept_user' });
      for (let i = 0; i < 5; i++) await attempt(victim.username, 'wrong-password-1');
      await attempt(victim.username, TEST_PASSWORD).expect(429);
      await createUserAndLogin(stack, { role: 'dept_user' });

      const user = await createUser(stack, { role: 'dept_user' });
      for (let i = 0; i < 4; i++) await attempt(user.username, 'wrong-password-1').expect(401);
      await login(stack, user.username, TEST_PASSWORD);
      for (let i = 0; i < 4; i++) await attempt(user.username, 'wrong-password-1').expect(401);
      await login(stack, user.username, TEST_PASSWORD);
      const [row] = await dataSourceOf(stack).query(
        'SELECT failedLogins, lockedUntil FROM app_user WHERE id = ?',
        [user.id],
      );
      expect(row).toEqual({ failedLogins: 0, lockedUntil: null });
    });
  });

  describe('behind a trusted proxy (TRUST_PROXY=loopback), 2 failures lock for 10 s', () => {
    let stack: TestStack;
    const from = (ip: string, username: string, password: string) =>
      request(stack.api.getHttpServer())
        .post('/api/v1/auth/login')
        .set('X-Forwarded-For', ip)
        .send({ username, password });

    beforeAll(async () => {
      stack = await startTestStack({
        worker: false,
        overrides: { TRUST_PROXY: 'loopback', LOGIN_MAX_FAILURES: '2', LOGIN_LOCK_SECONDS: '10' },
      });
    });
    afterAll(() => stack?.close());

    it('locks the pair, not the account: the same user logs in from another address', async () => {
      const user = await createUser(stack, { role: 'bureau_reviewer' });
      await from('198.51.100.1', user.username, 'wrong-password-1').expect(401);
      await from('198.51.100.1', user.username, 'wrong-password-1').expect(429);
      await from('198.51.100.1', user.username, TEST_PASSWORD).expect(429);
      await from('198.51.100.2', user.username, TEST_PASSWORD).expect(200);
    });

    it('lifts the lock when its time is up', async () => {
      const user = await createUser(stack, { role: 'dept_user' });
      await from('198.51.100.3', user.username, 'wrong-password-1').expect(401);
      const locked = await from('198.51.100.3', user.username, 'wrong-password-1').expect(429);
      expect(locked.body.error.details.retryAfterSeconds).toBe(10);
      await new Promise((r) => setTimeout(r, 10_500));
      await from('198.51.100.3', user.username, TEST_PASSWORD).expect(200);
    });

    it('locks the account itself after 4 × 2 failures spread over addresses, until an admin resets it', async () => {
      const user = await createUser(stack, { role: 'dept_user' });
      for (let i = 0; i < 8; i++)
        await from(`192.0.2.${10 + Math.floor(i / 2)}`, user.username, 'wrong-password-1');
      const locked = await from('192.0.2.99', user.username, TEST_PASSWORD).expect(429);
      expect(locked.body.error.details.retryAfterSeconds).toBeGreaterThan(25);
      const [row] = await dataSourceOf(stack).query(
        'SELECT failedLogins, lockedUntil FROM app_user WHERE id = ?',
        [user.id],
      );
      expect(row.failedLogins).toBe(8);
      expect(row.lockedUntil).not.toBeNull();

      const admin = await createUserAndLogin(stack, { role: 'bureau_admin' });
      await request(stack.api.getHttpServer())
        .post(`/api/v1/users/${user.id}/reset-password`)
        .set(admin.auth)
        .send({ password: 'Reset-passw0rd' })
        .expect(204);
      await from('192.0.2.99', user.username, 'Reset-passw0rd').expect(200);
    });

    it('records the forwarded client address in the audit log', async () => {
      const user = await createUser(stack, { role: 'dept_user' });
      await from('203.0.113.50', user.username, TEST_PASSWORD).expect(200);
      const [row] = await dataSourceOf(stack).query(
        "SELECT ip FROM audit_log WHERE action = 'auth.login' AND entityId = ? ORDER BY id DESC LIMIT 1",
        [String(user.id)],
      );
      expect(row.ip).toBe('203.0.113.50');
    });
  });

  describe('per-address throttle (LOGIN_RATE_LIMIT_PER_MINUTE=3)', () => {
    let stack: TestStack;
    beforeAll(async () => {
      stack = await startTestStack({ worker: false, overrides: { LOGIN_RATE_LIMIT_PER_MINUTE: '3' } });
    });
    afterAll(() => stack?.close());

    it('answers 429 to the 4th login request of the minute from one address, whatever the username', async () => {
      const users = await Promise.all([1, 2, 3, 4].map(() => createUser(stack, { role: 'dept_user' })));
      for (const u of users.slice(0, 3)) await login(stack, u.username, TEST_PASSWORD);
      const res = await request(stack.api.getHttpServer())
        .post('/api/v1/auth/login')
        .send({ username: users[3].username, password: TEST_PASSWORD })
        .expect(429);
      expect(res.body.error).toMatchObject({ code: 'RATE_LIMITED', message: '登录请求过于频繁，请稍后再试' });
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      // Other routes are not throttled.
      await request(stack.api.getHttpServer()).get('/health').expect(200);
    });
  });
});
