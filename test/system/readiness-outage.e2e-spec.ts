import request from 'supertest';
import { createUserAndLogin, TestAccount } from '../support/auth';
import { TcpProxy } from '../support/tcp-proxy';
import { TEST_DATABASE_URL, TEST_REDIS_URL, TEST_TEMPORAL_ADDRESS, testConfig } from '../support/test-config';
import { eventually, startTestStack, TestStack } from '../support/test-stack';

/** GET /ready names the dependency that is down, and recovers by itself once it is back — no API restart. */
describe('readiness during dependency outages', () => {
  const db = new URL(TEST_DATABASE_URL);
  const redis = new URL(TEST_REDIS_URL);
  const [temporalHost, temporalPort] = TEST_TEMPORAL_ADDRESS.split(':');
  const proxies = {
    mysql: new TcpProxy(db.hostname, Number(db.port || 3306)),
    redis: new TcpProxy(redis.hostname, Number(redis.port || 6379)),
    temporal: new TcpProxy(temporalHost, Number(temporalPort)),
  };
  let stack: TestStack;
  let admin: TestAccount;

  beforeAll(async () => {
    await Promise.all(Object.values(proxies).map((p) => p.up()));
    const viaProxy = (u: URL, port: number) =>
      Object.assign(new URL(u.toString()), { port: String(port) }).toString();
    stack = await startTestStack({
      worker: false,
      config: testConfig({
        DATABASE_URL: viaProxy(db, proxies.mysql.port),
        REDIS_URL: viaProxy(redis, proxies.redis.port),
        TEMPORAL_ADDRESS: proxies.temporal.address,
      }),
    });
    admin = await createUserAndLogin(stack, { role: 'bureau_admin' });
  });
  afterAll(async () => {
    await Promise.all(Object.values(proxies).map((p) => p.up().catch(() => undefined)));
    await stack?.close();
    await Promise.all(Object.values(proxies).map((p) => p.down()));
  });

  const ready = () => request(stack.api.getHttpServer()).get('/ready');

  it.each(['mysql', 'redis', 'temporal'] as const)(
    'reports %s down with 503, then ready again after it returns',
    async (dep) => {
      await eventually(async () => (await ready()).status === 200);

      await proxies[dep].down();
      const down = await eventually(async () => {
        const res = await ready();
        return res.status === 503 ? res : null;
      });
      expect(down.body.details[dep].status).toBe('down');
      expect(down.body.error).toMatchObject({ code: 'DEPENDENCY_UNAVAILABLE', details: { failing: [dep] } });
      for (const other of ['mysql', 'redis', 'temporal'].filter((d) => d !== dep)) {
        expect(down.body.details[other].status).toBe('up');
      }

      await proxies[dep].up();
      const back = await eventually(
        async () => {
          const res = await ready();
          return res.status === 200 ? res : null;
        },
        60000,
        500,
      );
      expect(back.body.details[dep].status).toBe('up');
    },
  );

  it('answers 503 naming MySQL for a request that needs it while it is down', async () => {
    await proxies.mysql.down();
    try {
      const res = await eventually(async () => {
        const r = await request(stack.api.getHttpServer())
          .get('/api/v1/system/probes/7d3f0a52-98c1-4c55-9a57-2a0f4a1f0e11')
          .set(admin.auth);
        if (r.status !== 503) throw new Error(`got ${r.status} ${JSON.stringify(r.body)}`);
        return r;
      });
      expect(res.body.error).toMatchObject({
        code: 'DEPENDENCY_UNAVAILABLE',
        details: { dependency: 'mysql' },
      });
    } finally {
      await proxies.mysql.up();
    }
  });
});
