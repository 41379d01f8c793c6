import { JwtService } from '@nestjs/jwt';
import request from 'supertest';
import { DataSource } from 'typeorm';
import {
  bearer,
  createUnit,
  createUser,
  createUserAndLogin,
  dataSourceOf,
  login,
  TEST_PASSWORD,
} from '../support/auth';
import { startTestStack, TestStack } from '../support/test-stack';

/** Login, /me, refresh-token rotation and reuse detection, logout, and every flavour of 401. */
describe('auth: sessions and tokens', () => {
  let stack: TestStack;
  let ds: DataSource;
  const http = () => stack.api.getHttpServer();

  beforeAll(async () => {
    stack = await startTestStack({ worker: false });
    ds = dataSourceOf(stack);
  });
  afterAll(() => stack?.close());

  it('logs in with a JWT and a refresh token, and /me describes the caller and its scope', async () => {
    const dept = await createUnit(stack, { kind: 'department' });
    const child = await createUnit(stack, { kind: 'project_unit', parentId: dept.id });
    const user = await createUser(stack, {
      role: 'dept_leader',
      unitId: dept.id,
      displayName: '王科长',
      isUnitHead: true,
    });

    const res = await request(http())
      .post('/api/v1/auth/login')
      .set('User-Agent', 'jest-e2e')
      .send({ username: user.username, password: TEST_PASSWORD })
      .expect(200);
    expect(res.body).toEqual({
      accessToken: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
      refreshToken: expect.stringMatching(/^[\w-]{43}$/),
      expiresIn: stack.config.auth.accessTtlSeconds,
      tokenType: 'Bearer',
      user: {
        id: user.id,
        username: user.username,
        displayName: '王科长',
        role: 'dept_leader',
        unitId: dept.id,
      },
    });
    const claims = new JwtService().decode(res.body.accessToken);
    expect(claims).toMatchObject({
      sub: String(user.id),
      typ: 'access',
      role: 'dept_leader',
      iss: 'rectiflow',
    });
    expect(claims.exp - claims.iat).toBe(stack.config.auth.accessTtlSeconds);

    const me = await request(http()).get('/api/v1/auth/me').set(bearer(res.body.accessToken)).expect(200);
    expect(me.body).toMatchObject({
      id: user.id,
      role: 'dept_leader',
      isUnitHead: true,
      unit: { id: dept.id, code: dept.code, kind: 'department', parentId: null },
      seesAllUnits: false,
      visibleUnitIds: [dept.id, child.id],
    });
    expect(JSON.stringify(me.body)).not.toMatch(/passwordHash|\$argon2/);

    // Only the hash is stored, with the client's address and user agent.
    const rows = await ds.query('SELECT tokenHash, ip, userAgent FROM refresh_token WHERE userId = ?', [
      user.id,
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0].tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0].tokenHash).not.toBe(res.body.refreshToken);
    expect(rows[0]).toMatchObject({ ip: expect.stringMatching(/127\.0\.0\.1|::1/), userAgent: 'jest-e2e' });

    const lastLogin = await ds.query('SELECT lastLoginAt FROM app_user WHERE id = ?', [user.id]);
    expect(lastLogin[0].lastLoginAt).not.toBeNull();
  });

  it('rotates the refresh token on each use; reusing a spent one revokes the whole session', async () => {
    const account = await createUserAndLogin(stack, { role: 'bureau_reviewer' });
    const first = account.refreshToken;

    const r1 = await request(http()).post('/api/v1/auth/refresh').send({ refreshToken: first }).expect(200);
    expect(r1.body.refreshToken).not.toBe(first);
    expect(r1.body.user).toMatchObject({ id: account.user.id, role: 'bureau_reviewer' });
    await request(http()).get('/api/v1/auth/me').set(bearer(r1.body.accessToken)).expect(200);

    const r2 = await request(http())
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: r1.body.refreshToken })
      .expect(200);

    // The first token was spent: presenting it again means it was copied. Everything in the family goes.
    const reuse = await request(http())
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: first })
      .expect(401);
    expect(reuse.body.error).toMatchObject({
      code: 'UNAUTHENTICATED',
      details: { reason: 'refresh_token_reused' },
    });
    const latest = await request(http())
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: r2.body.refreshToken })
      .expect(401);
    // The newest token was revoked with the family: it is simply no longer valid.
    expect(latest.body.error.details.reason).toBe('invalid_refresh_token');

    const live = await ds.query(
      'SELECT COUNT(*) AS n FROM refresh_token WHERE userId = ? AND revokedAt IS NULL',
      [account.user.id],
    );
    expect(Number(live[0].n)).toBe(0);

    // Another login is another family, untouched by the revocation.
    const again = await login(stack, account.username, account.password);
    await request(http()).post('/api/v1/auth/refresh').send({ refreshToken: again.refreshToken }).expect(200);
  });

  it('lets only one of two concurrent refreshes with the same token win', async () => {
    const account = await createUserAndLogin(stack, { role: 'dept_user' });
    const results = await Promise.all(
      [1, 2].map(() =>
        request(http()).post('/api/v1/auth/refresh').send({ refreshToken: account.refreshToken }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 401]);
  });

  it('logs out: the session cannot be refreshed, and logging out again is harmless', async () => {
    const account = await createUserAndLogin(stack, { role: 'auditor' });
    const other = await login(stack, account.username, account.password);
    await request(http())
      .post('/api/v1/auth/logout')
      .send({ refreshToken: account.refreshToken })
      .expect(204);
    const after = await request(http())
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: account.refreshToken })
      .expect(401);
    expect(after.body.error.details.reason).toBe('invalid_refresh_token');
    await request(http())
      .post('/api/v1/auth/logout')
      .send({ refreshToken: account.refreshToken })
      .expect(204);
    await request(http())
      .post('/api/v1/auth/logout')
      .send({ refreshToken: 'x'.repeat(43) })
      .expect(204);
    // Only that session ended; the same user's other login still refreshes.
    await request(http()).post('/api/v1/auth/refresh').send({ refreshToken: other.refreshToken }).expect(200);
  });

  it('refuses an expired refresh token and one of a deactivated account', async () => {
    const account = await createUserAndLogin(stack, { role: 'dept_user' });
    await ds.query('UPDATE refresh_token SET expiresAt = ? WHERE userId = ?', [
      new Date(Date.now() - 1000),
      account.user.id,
    ]);
    const expired = await request(http())
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: account.refreshToken })
      .expect(401);
    expect(expired.body.error.details.reason).toBe('expired_refresh_token');

    const other = await createUserAndLogin(stack, { role: 'dept_user' });
    await ds.query('UPDATE app_user SET active = 0 WHERE id = ?', [other.user.id]);
    await request(http()).post('/api/v1/auth/refresh').send({ refreshToken: other.refreshToken }).expect(401);
  });

  it('answers 401 UNAUTHENTICATED with a reason for every bad or missing access token', async () => {
    const account = await createUserAndLogin(stack, { role: 'bureau_admin' });
    const secret = stack.config.auth.jwtSecret;
    const sign = (payload: object, opts: object = {}, key = secret) =>
      new JwtService().sign(payload, {
        secret: key,
        issuer: 'rectiflow',
        audience: 'rectiflow-api',
        ...opts,
      });
    const claims = {
      sub: String(account.user.id),
      typ: 'access',
      username: account.username,
      role: 'bureau_admin',
      unitId: 1,
    };
    const cases: [string, Record<string, string>, string][] = [
      ['no header', {}, 'missing_token'],
      ['not bearer', { Authorization: `Basic ${Buffer.from('a:b').toString('base64')}` }, 'malformed_token'],
      ['garbage', { Authorization: 'Bearer not.a.jwt' }, 'invalid_token'],
      ['wrong key', bearer(sign(claims, {}, 'another-secret-of-at-least-32-characters!!')), 'invalid_token'],
      ['not an access token', bearer(sign({ ...claims, typ: 'download' })), 'invalid_token'],
      ['wrong audience', bearer(sign(claims, { audience: 'elsewhere' })), 'invalid_token'],
      ['expired', bearer(sign({ ...claims, exp: Math.floor(Date.now() / 1000) - 10 })), 'expired_token'],
      ['unknown user', bearer(sign({ ...claims, sub: '999999999' })), 'account_inactive'],
      ['alg none', { Authorization: `Bearer ${unsigned(claims)}` }, 'invalid_token'],
    ];
    for (const [name, headers, reason] of cases) {
      const res = await request(http()).get('/api/v1/auth/me').set(headers);
      expect({
        name,
        status: res.status,
        code: res.body.error?.code,
        reason: res.body.error?.details?.reason,
      }).toEqual({
        name,
        status: 401,
        code: 'UNAUTHENTICATED',
        reason,
      });
    }
    await request(http()).get('/api/v1/auth/me').set(account.auth).expect(200);
  });

  it('cuts off a deactivated account at once, without waiting for its token to expire', async () => {
    const account = await createUserAndLogin(stack, { role: 'bureau_leader' });
    await request(http()).get('/api/v1/auth/me').set(account.auth).expect(200);
    await ds.query('UPDATE app_user SET active = 0 WHERE id = ?', [account.user.id]);
    const res = await request(http()).get('/api/v1/auth/me').set(account.auth).expect(401);
    expect(res.body.error.details.reason).toBe('account_inactive');
  });

  it('keeps health, readiness and the docs public, and everything else behind a token', async () => {
    await request(http()).get('/health').expect(200);
    await request(http()).get('/api/docs-json').expect(200);
    await request(http()).get('/api/v1/units').expect(401);
    await request(http()).get('/api/v1/users').expect(401);
    await request(http()).get('/api/v1/audit-log').expect(401);
  });

  it('documents the auth routes and bearer security in OpenAPI', async () => {
    const doc = (await request(http()).get('/api/docs-json').expect(200)).body;
    for (const path of [
      '/api/v1/auth/login',
      '/api/v1/auth/refresh',
      '/api/v1/auth/logout',
      '/api/v1/auth/me',
    ])
      expect(doc.paths).toHaveProperty([path]);
    expect(doc.components.securitySchemes).toHaveProperty('bearer');
    expect(doc.paths['/api/v1/auth/me'].get.security).toEqual([{ bearer: [] }]);
  });

  it('validates the login body field by field and rejects unknown fields', async () => {
    const res = await request(http()).post('/api/v1/auth/login').send({ username: '', extra: 1 }).expect(400);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(Object.keys(res.body.error.details.fields).sort()).toEqual(['extra', 'password', 'username']);
  });

  it('changes its own password: the old one stops working and other sessions end', async () => {
    const account = await createUserAndLogin(stack, { role: 'dept_user' });
    const wrong = await request(http())
      .post('/api/v1/auth/password')
      .set(account.auth)
      .send({ currentPassword: 'nope-nope-1', newPassword: 'N3w-password' })
      .expect(400);
    expect(wrong.body.error.details.fields).toHaveProperty('currentPassword');
    const weak = await request(http())
      .post('/api/v1/auth/password')
      .set(account.auth)
      .send({ currentPassword: account.password, newPassword: 'short' })
      .expect(400);
    expect(weak.body.error.details.fields).toHaveProperty('newPassword');

    await request(http())
      .post('/api/v1/auth/password')
      .set(account.auth)
      .send({ currentPassword: account.password, newPassword: 'N3w-password' })
      .expect(204);
    await request(http())
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: account.refreshToken })
      .expect(401);
    await request(http())
      .post('/api/v1/auth/login')
      .send({ username: account.username, password: account.password })
      .expect(401);
    await login(stack, account.username, 'N3w-password');
  });
});

/** A token with "alg":"none" — must never be accepted. */
function unsigned(claims: object): string {
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims, iat: now, exp: now + 600, iss: 'rectiflow', aud: 'rectiflow-api' })}.`;
}
