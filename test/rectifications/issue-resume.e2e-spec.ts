import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import request from 'supertest';
import { createUserAndLogin } from '../support/auth';
import { TcpProxy } from '../support/tcp-proxy';
import { ROOT, TEST_TEMPORAL_ADDRESS, testConfig } from '../support/test-config';
import { eventually, startTestStack, TestStack } from '../support/test-stack';

/** Issuing while Temporal is unreachable: 503 naming it, nothing lost, and the same request later resumes. */
describe('issuing survives a Temporal outage', () => {
  const [host, port] = TEST_TEMPORAL_ADDRESS.split(':');
  const proxy = new TcpProxy(host, Number(port));
  let stack: TestStack;

  beforeAll(async () => {
    await proxy.up();
    const api = testConfig({ TEMPORAL_ADDRESS: proxy.address });
    // Only the API goes through the proxy: the outage is between the API and Temporal.
    stack = await startTestStack({
      config: api,
      workerOverrides: { TEMPORAL_ADDRESS: TEST_TEMPORAL_ADDRESS, STORAGE_DIR: api.storage.dir },
    });
  });
  afterAll(async () => {
    await proxy.up();
    await stack?.close();
    await proxy.down();
  });

  it('answers 503 while Temporal is down, then a retry starts the same plan once', async () => {
    const http = stack.api.getHttpServer();
    const reviewer = await createUserAndLogin(stack, { role: 'bureau_reviewer' });
    const dept = await createUserAndLogin(stack, { role: 'dept_user' });
    const text = `${readFileSync(resolve(ROOT, 'libs/importer/fixtures/seed/000_e9da2ade9415734b.txt'), 'utf8')}\n（恢复测试 ${Date.now()}）`;
    const id = (
      await request(http).post('/api/v1/evaluations/import').set(reviewer.auth).send({ text }).expect(201)
    ).body.evaluation.id;
    const body = {
      deliveryDate: '2026-12-01',
      unitId: dept.unitId,
      deadlineRule: { kind: 'calendar_days', days: 30 },
    };

    await proxy.down();
    const down = await request(http)
      .post(`/api/v1/evaluations/${id}/issue`)
      .set(reviewer.auth)
      .send(body)
      .expect(503);
    expect(down.body.error).toMatchObject({
      code: 'DEPENDENCY_UNAVAILABLE',
      details: { dependency: 'temporal' },
    });
    await proxy.up();

    const resumed = await eventually(
      async () => {
        const r = await request(http)
          .post(`/api/v1/evaluations/${id}/issue`)
          .set(reviewer.auth)
          .send({ ...body, deliveryDate: '2027-01-05' });
        return r.status === 200 ? r.body : null;
      },
      60000,
      1000,
    );
    // The stored plan is resumed as first issued — not the retry's different delivery date.
    expect(resumed.deliveryDate).toBe('2026-12-01');
    expect(resumed.rectifications.map((r: { deadline: string }) => r.deadline)).toEqual([
      '2026-12-31',
      '2026-12-31',
      '2026-12-31',
      '2026-12-31',
    ]);
    await request(http).post(`/api/v1/evaluations/${id}/issue`).set(reviewer.auth).send(body).expect(409);
    await eventually(
      async () =>
        (await request(http).get(`/api/v1/rectifications/rectification-${id}-4`).set(dept.auth)).status ===
        200,
    );
  });
});
