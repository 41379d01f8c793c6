import request from 'supertest';
import { createUserAndLogin, TestAccount } from '../support/auth';
import { eventually, startTestStack, TestStack } from '../support/test-stack';

describe('plumbing: HTTP → Temporal workflow → activity (MySQL + BullMQ) → processor → HTTP', () => {
  let stack: TestStack;
  let admin: TestAccount;

  beforeAll(async () => {
    stack = await startTestStack();
    admin = await createUserAndLogin(stack, { role: 'bureau_admin' });
  });
  afterAll(() => stack?.close());

  it('round-trips a probe through every component', async () => {
    const http = stack.api.getHttpServer();
    const started = await request(http)
      .post('/api/v1/system/probes')
      .set(admin.auth)
      .send({ message: '你好，整改' })
      .expect(202);
    expect(started.body.workflowId).toBe(`probe-${started.body.probeId}`);

    const probe = await eventually(async () => {
      const res = await request(http).get(`/api/v1/system/probes/${started.body.probeId}`).set(admin.auth);
      return res.status === 200 && res.body.status === 'consumed' ? res.body : null;
    });
    expect(probe).toMatchObject({
      id: started.body.probeId,
      message: '你好，整改',
      workflowId: started.body.workflowId,
    });
    expect(probe.consumedBy).toMatch(/:\d+$/);
    expect(new Date(probe.consumedAt).getTime()).toBeGreaterThanOrEqual(new Date(probe.createdAt).getTime());
  });

  it('reports readiness of each dependency', async () => {
    const res = await request(stack.api.getHttpServer()).get('/ready').expect(200);
    expect(res.body.details).toMatchObject({
      mysql: { status: 'up' },
      redis: { status: 'up' },
      temporal: { status: 'up' },
    });
    await request(stack.api.getHttpServer()).get('/health').expect(200, { status: 'ok' });
  });

  it('answers 404 with a code for an unknown probe and 400 for bad input', async () => {
    const http = stack.api.getHttpServer();
    const missing = await request(http)
      .get('/api/v1/system/probes/7d3f0a52-98c1-4c55-9a57-2a0f4a1f0e11')
      .set(admin.auth)
      .expect(404);
    expect(missing.body.error.code).toBe('NOT_FOUND');
    const bad = await request(http)
      .post('/api/v1/system/probes')
      .set(admin.auth)
      .send({ message: 'x', extra: 1 })
      .expect(400);
    expect(bad.body.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: { extra: expect.any(Array) } },
    });
    await request(http).get('/api/v1/system/probes/not-a-uuid').set(admin.auth).expect(400);
  });

  it('is for bureau_admin only: 401 without a token, 403 for other roles', async () => {
    const http = stack.api.getHttpServer();
    const anonymous = await request(http).post('/api/v1/system/probes').send({}).expect(401);
    expect(anonymous.body.error).toMatchObject({
      code: 'UNAUTHENTICATED',
      details: { reason: 'missing_token' },
    });
    const dept = await createUserAndLogin(stack, { role: 'dept_user' });
    const denied = await request(http).post('/api/v1/system/probes').set(dept.auth).send({}).expect(403);
    expect(denied.body.error.code).toBe('FORBIDDEN');
  });

  it('answers a malformed JSON body with 400 and an oversized one with 413, never 500', async () => {
    const http = stack.api.getHttpServer();
    const bad = await request(http)
      .post('/api/v1/system/probes')
      .set(admin.auth)
      .set('Content-Type', 'application/json')
      .send('{"message": ')
      .expect(400);
    expect(bad.body.error.code).toBe('BAD_REQUEST');
    const big = await request(http)
      .post('/api/v1/system/probes')
      .set(admin.auth)
      .send({ message: 'x'.repeat(3 * 1024 * 1024) })
      .expect(413);
    expect(big.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });
});
