import request from 'supertest';
import { createUser, createUserAndLogin, login, TEST_PASSWORD } from '../support/auth';
import { startTestStack, TestStack } from '../support/test-stack';

/** Hardening of logins and sessions (issue 10 §5), against the real API, MariaDB and Redis. */
describe('sessions end when they are ended, and logins reveal nothing', () => {
  describe('access tokens die with their session', () => {
    let stack: TestStack;
    const http = () => stack.api.getHttpServer();
    beforeAll(async () => {
      stack = await startTestStack({ worker: false });
    });
    afterAll(() => stack?.close());

    it('refuses the access token at once after logout', async () => {
      const a = await createUserAndLogin(stack, { role: 'dept_user' });
      await request(http()).get('/api/v1/auth/me').set(a.auth).expect(200);
      await request(http()).post('/api/v1/auth/logout').send({ refreshToken: a.refreshToken }).expect(204);
      const res = await request(http()).get('/api/v1/auth/me').set(a.auth).expect(401);
      expect(res.body.error.details.reason).toBe('session_revoked');
      expect(res.body.error.message).toMatch(/登录会话已注销/);
    });

    it('refuses every access token of a session whose refresh token was reused (theft detection)', async () => {
      const a = await createUserAndLogin(stack, { role: 'bureau_reviewer' });
      const rotated = await request(http())
        .post('/api/v1/auth/refresh')
        .send({ refreshToken: a.refreshToken })
        .expect(200);
      const fresh = { Authorization: `Bearer ${rotated.body.accessToken}` };
      await request(http()).get('/api/v1/auth/me').set(fresh).expect(200);
      await request(http()).post('/api/v1/auth/refresh').send({ refreshToken: a.refreshToken }).expect(401);
      for (const auth of [a.auth, fresh]) {
        const res = await request(http()).get('/api/v1/auth/me').set(auth).expect(401);
        expect(res.body.error.details.reason).toBe('session_revoked');
      }
    });

    it('refuses the old access tokens after a password change, and a new login works', async () => {
      const a = await createUserAndLogin(stack, { role: 'dept_user' });
      const other = await login(stack, a.username, TEST_PASSWORD);
      await request(http())
        .post('/api/v1/auth/password')
        .set(a.auth)
        .send({ currentPassword: TEST_PASSWORD, newPassword: 'Changed-passw0rd-2026' })
        .expect(204);
      for (const token of [a.token, other.accessToken]) {
        const res = await request(http())
          .get('/api/v1/auth/me')
          .set({ Authorization: `Bearer ${token}` })
          .expect(401);
        expect(res.body.error.details.reason).toBe('session_revoked');
      }
      const again = await login(stack, a.username, 'Changed-passw0rd-2026');
      await request(http())
        .get('/api/v1/auth/me')
        .set({ Authorization: `Bearer ${again.accessToken}` })
        .expect(200);
    });
  });

  describe('failures spread over addresses: an existing account and an unknown name answer alike', () => {
    let stack: TestStack;
    const from = (ip: string, username: string, password: string) =>
      request(stack.api.getHttpServer())
        .post('/api/v1/auth/login')
        .set('X-Forwarded-For', ip)
        .send({ username, password });
    beforeAll(async () => {
      stack = await startTestStack({
        worker: false,
        overrides: { TRUST_PROXY: 'loopback', LOGIN_MAX_FAILURES: '5', LOGIN_LOCK_SECONDS: '60' },
      });
    });
    afterAll(() => stack?.close());

    it('answers the 21st attempt the same way for both (429 with the same message), never 401 vs 429', async () => {
      const user = await createUser(stack, { role: 'dept_user' });
      const unknown = `nobody-${Date.now()}`;
      const answers: Record<string, { status: number; message: string }[]> = { known: [], unknown: [] };
      for (const [kind, name] of [
        ['known', user.username],
        ['unknown', unknown],
      ] as const)
        for (let i = 0; i < 21; i++) {
          // Four tries per address stay under the per-address lock (5): only the account layer counts them all.
          const res = await from(
            `198.18.${kind === 'known' ? 1 : 2}.${Math.floor(i / 4)}`,
            name,
            'wrong-pw-1',
          );
          answers[kind].push({ status: res.status, message: res.body.error.message });
        }
      expect(answers.known.map((a) => a.status)).toEqual(answers.unknown.map((a) => a.status));
      expect(answers.known[20]).toEqual(answers.unknown[20]);
      expect(answers.known[20].status).toBe(429);
      expect(answers.known[0].status).toBe(401);
    });
  });

  describe('per-username limit, separate from the (generous) per-address limit', () => {
    let stack: TestStack;
    beforeAll(async () => {
      stack = await startTestStack({
        worker: false,
        overrides: { LOGIN_USERNAME_RATE_LIMIT_PER_MINUTE: '3', LOGIN_RATE_LIMIT_PER_MINUTE: '100' },
      });
    });
    afterAll(() => stack?.close());

    it('answers 429 to the 4th request for one username while colleagues behind the same address log in', async () => {
      const target = await createUser(stack, { role: 'dept_user' });
      const post = (username: string, password: string) =>
        request(stack.api.getHttpServer()).post('/api/v1/auth/login').send({ username, password });
      for (let i = 0; i < 3; i++) await post(target.username, 'wrong-pw-1').expect(401);
      const limited = await post(target.username, TEST_PASSWORD).expect(429);
      expect(limited.body.error).toMatchObject({ code: 'RATE_LIMITED' });
      expect(limited.body.error.message).toMatch(/该用户名的登录请求过于频繁/);
      const colleagues = await Promise.all(
        [1, 2, 3, 4, 5].map(() => createUser(stack, { role: 'dept_user' })),
      );
      for (const c of colleagues) await post(c.username, TEST_PASSWORD).expect(200);
      const unknown = `nobody-${Date.now()}`;
      for (let i = 0; i < 3; i++) await post(unknown, 'x-wrong-1').expect(401);
      await post(unknown, 'x-wrong-1').expect(429);
    });
  });
});
