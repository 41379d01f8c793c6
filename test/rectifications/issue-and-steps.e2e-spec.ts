import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import request from 'supertest';
import { createUnit, createUserAndLogin, dataSourceOf, TestAccount } from '../support/auth';
import { ROOT } from '../support/test-config';
import { eventually, startTestStack, TestStack } from '../support/test-stack';

const SEED = readFileSync(resolve(ROOT, 'libs/importer/fixtures/seed/000_e9da2ade9415734b.txt'), 'utf8');

describe('issuing an evaluation and the human steps over HTTP', () => {
  let stack: TestStack;
  let http: ReturnType<TestStack['api']['getHttpServer']>;
  let reviewer: TestAccount;
  let reviewer2: TestAccount;
  let dept: TestAccount;
  let otherDept: TestAccount;
  let evaluationId: string;

  beforeAll(async () => {
    stack = await startTestStack();
    http = stack.api.getHttpServer();
    reviewer = await createUserAndLogin(stack, { role: 'bureau_reviewer' });
    reviewer2 = await createUserAndLogin(stack, { role: 'bureau_reviewer' });
    dept = await createUserAndLogin(stack, { role: 'dept_user' });
    otherDept = await createUserAndLogin(stack, { role: 'dept_user' });
    const text = `${SEED}\n（测试标记 ${Date.now()}-${Math.random()}）`;
    const imported = await request(http)
      .post('/api/v1/evaluations/import')
      .set(reviewer.auth)
      .send({ text })
      .expect(201);
    evaluationId = imported.body.evaluation.id;
  });
  afterAll(() => stack?.close());

  const rid = (seq: number) => `rectification-${evaluationId}-${seq}`;
  const step = (who: TestAccount, seq: number, path: string, body: object = {}, key?: string) => {
    const r = request(http)
      .post(`/api/v1/rectifications/${rid(seq)}/${path}`)
      .set(who.auth);
    if (key) r.set('Idempotency-Key', key);
    return r.send(body);
  };

  it('validates the issue request and refuses the bureau itself as responsible unit', async () => {
    const bad = await request(http)
      .post(`/api/v1/evaluations/${evaluationId}/issue`)
      .set(reviewer.auth)
      .send({ deliveryDate: '2026/12/01', unitId: 'x' })
      .expect(400);
    expect(Object.keys(bad.body.error.details.fields)).toEqual(
      expect.arrayContaining(['deliveryDate', 'unitId']),
    );
    const bureau = await request(http)
      .post(`/api/v1/evaluations/${evaluationId}/issue`)
      .set(reviewer.auth)
      .send({ deliveryDate: '2026-12-01', unitId: reviewer.unitId })
      .expect(400);
    expect(bureau.body.error.message).toContain('不能是财政局本身');
    await request(http)
      .post(`/api/v1/evaluations/${evaluationId}/issue`)
      .set(dept.auth)
      .send({ deliveryDate: '2026-12-01', unitId: dept.unitId })
      .expect(403);
  });

  it('issues one rectification per finding with working-day and per-finding deadlines, once', async () => {
    const projectUnit = await createUnit(stack, { kind: 'project_unit', parentId: dept.unitId });
    const res = await request(http)
      .post(`/api/v1/evaluations/${evaluationId}/issue`)
      .set(reviewer.auth)
      .send({
        deliveryDate: '2026-09-25',
        unitId: dept.unitId,
        deadlineRule: { kind: 'working_days', days: 5 },
        acknowledgePastDeadlines: true, // 2026-10-09 has passed
        overrides: [
          { seq: 4, type: 'continuous', unitId: projectUnit.id },
          { seq: 2, deadlineRule: { kind: 'date', date: '2027-03-31' } },
        ],
      })
      .expect(200);
    expect(res.body.workflowId).toBe(`evaluation-${evaluationId}`);
    // 2026-09-25 (Fri) + 5 working days skips 国庆 10/1–10/7 and counts 9/27 (Sun, 调休) … → 2026-10-09
    expect(res.body.rectifications).toEqual([
      { id: rid(1), findingSeq: 1, unitId: dept.unitId, type: 'deadline', deadline: expect.any(String) },
      { id: rid(2), findingSeq: 2, unitId: dept.unitId, type: 'deadline', deadline: '2027-03-31' },
      { id: rid(3), findingSeq: 3, unitId: dept.unitId, type: 'deadline', deadline: expect.any(String) },
      { id: rid(4), findingSeq: 4, unitId: projectUnit.id, type: 'continuous', deadline: '2027-09-25' },
    ]);
    expect(res.body.rectifications[0].deadline).toBe(res.body.rectifications[2].deadline);
    const [audit] = await dataSourceOf(stack).query(
      "SELECT actorId, ip, JSON_EXTRACT(payload, '$.items') AS items FROM audit_log WHERE action = 'evaluation.issue' AND entityId = ?",
      [evaluationId],
    );
    expect(audit).toMatchObject({ actorId: reviewer.user.id, ip: expect.stringMatching(/127\.0\.0\.1|::1/) });
    expect(Number(audit.items)).toBe(4);
    const again = await request(http)
      .post(`/api/v1/evaluations/${evaluationId}/issue`)
      .set(reviewer.auth)
      .send({ deliveryDate: '2026-12-01', unitId: dept.unitId })
      .expect(409);
    expect(again.body.error).toMatchObject({
      code: 'TRANSITION_NOT_ALLOWED',
      details: { workflowId: `evaluation-${evaluationId}` },
    });
    const detail = await eventually(async () => {
      const r = await request(http)
        .get(`/api/v1/rectifications/${rid(1)}`)
        .set(dept.auth);
      return r.status === 200 ? r.body : null;
    });
    expect(detail).toMatchObject({
      status: 'issued',
      statusLabel: '已下发',
      unit: { id: dept.unitId },
      evaluation: { id: evaluationId, score: 80.08, grade: '良', organizer: '景德镇市财政局' },
      finding: { seq: 1, title: '预算绩效管理待完善，预算编制依据不全面' },
      recommendation: { seq: 1, title: '强化项目预算管理，结合实际编制预算' },
    });
    expect(detail.timeline.map((e: { action: string }) => e.action)).toEqual(['issued']);

    const evaluation = await eventually(async () => {
      const r = await request(http).get(`/api/v1/evaluations/${evaluationId}`).set(reviewer.auth);
      return r.body.progress?.total === 4 ? r.body : null;
    });
    expect(evaluation.progress).toEqual({
      total: 4,
      open: 4,
      closed: 0,
      ongoing: 0,
      cancelled: 0,
      overdue: 0,
      completionRate: 0,
    });
    expect(evaluation.findings[3].rectification).toMatchObject({
      id: rid(4),
      unitId: projectUnit.id,
      status: 'issued',
      href: `/api/v1/rectifications/${rid(4)}`,
    });
    // The project unit given finding 4 by an override can read the evaluation its item came from.
    const projectUser = await createUserAndLogin(stack, { role: 'dept_user', unitId: projectUnit.id });
    await request(http).get(`/api/v1/evaluations/${evaluationId}`).set(projectUser.auth).expect(200);
    const listed = await request(http).get('/api/v1/evaluations').set(projectUser.auth).expect(200);
    expect(listed.body.items.map((e: { id: string }) => e.id)).toContain(evaluationId);
    await request(http).get(`/api/v1/evaluations/${evaluationId}`).set(otherDept.auth).expect(404);
  });

  it('hides another unit’s item (404) and forbids bureau-only steps to departments (403)', async () => {
    await request(http)
      .get(`/api/v1/rectifications/${rid(1)}`)
      .set(otherDept.auth)
      .expect(404);
    await step(otherDept, 1, 'acknowledge').expect(404);
    await step(dept, 1, 'cancel', { reason: '想撤销' }).expect(403);
    await step(reviewer, 1, 'acknowledge').expect(403);
  });

  it('applies a step once per idempotency key and answers 409 with the workflow’s reason', async () => {
    const first = await step(dept, 1, 'acknowledge', { comment: '收到' }, 'ack-key-0001').expect(200);
    expect(first.body.status).toBe('acknowledged');
    await step(dept, 1, 'acknowledge', { comment: '收到' }, 'ack-key-0001').expect(200);
    const conflict = await step(dept, 1, 'acknowledge', {}, 'ack-key-0002').expect(409);
    expect(conflict.body.error.message).toBe('当前状态为「已签收」，不能签收');
    const plan = {
      responsiblePerson: '张三',
      measures: [{ content: '修订绩效目标编制办法', targetDate: '2027-01-15' }],
    };
    expect((await step(dept, 1, 'plan', plan).expect(200)).body.status).toBe('plan_submitted');
    const noComment = await step(reviewer, 1, 'plan/return', {}).expect(409);
    expect(noComment.body.error.message).toBe('退回整改方案须填写意见');
    await step(reviewer, 1, 'plan/return', { comment: '措施需细化到子项' }).expect(200);
    await step(dept, 1, 'plan', {
      ...plan,
      measures: [...plan.measures, { content: '逐项测算', targetDate: '2027-02-28' }],
    }).expect(200);
    const approved = await step(reviewer, 1, 'plan/approve', { comment: '同意' }).expect(200);
    expect(approved.body.plans).toHaveLength(2);
    const invalid = await step(dept, 1, 'plan', {
      responsiblePerson: '',
      measures: [{ content: 'x', targetDate: '2027-02-30' }],
      extra: 1,
    }).expect(400);
    expect(Object.keys(invalid.body.error.details.fields)).toEqual(
      expect.arrayContaining(['responsiblePerson', 'extra']),
    );
    const events = await eventually(async () => {
      const r = await request(http)
        .get(`/api/v1/rectifications/${rid(1)}`)
        .set(reviewer.auth);
      // The deadline (2026-10-09) has passed, so the workflow's own events (overdue, escalation: no actor) land
      // between the steps at timing-dependent places; compare the people's steps only.
      const steps = r.body.timeline.filter((e: { actorId: number | null }) => e.actorId !== null);
      return steps.length === 6 ? steps : null;
    });
    expect(events.map((e: { action: string }) => e.action)).toEqual([
      'issued',
      'acknowledge',
      'submitPlan',
      'returnPlan',
      'submitPlan',
      'approvePlan',
    ]);
  });

  it('handles extensions (original and new deadlines kept; decider ≠ requester) and reassignment', async () => {
    await step(dept, 2, 'acknowledge').expect(200);
    const req = await step(dept, 2, 'extensions', {
      reason: '需提交党组会审议',
      newDeadline: '2027-06-30',
    }).expect(200);
    expect(req.body.extensions[0]).toMatchObject({
      requested: { date: '2027-06-30' },
      previous: { date: '2027-03-31' },
    });
    const decided = await step(reviewer, 2, 'extensions/decision', { approve: true, comment: '同意' }).expect(
      200,
    );
    expect(decided.body.deadlines.map((d: { date: string }) => d.date)).toEqual(['2027-03-31', '2027-06-30']);
    const moved = await step(reviewer, 2, 'reassign', {
      unitId: otherDept.unitId,
      reason: '职责调整',
    }).expect(200);
    expect(moved.body.unitId).toBe(otherDept.unitId);
    await eventually(
      async () =>
        (
          await request(http)
            .get(`/api/v1/rectifications/${rid(2)}`)
            .set(otherDept.auth)
        ).status === 200,
    );
    await request(http)
      .get(`/api/v1/rectifications/${rid(2)}`)
      .set(dept.auth)
      .expect(404);
  });

  it('finishes the evaluation once every item has ended (对账销号)', async () => {
    for (const seq of [1, 2, 3, 4]) await step(reviewer2, seq, 'cancel', { reason: '测试撤销' }).expect(200);
    await step(reviewer2, 1, 'cancel', { reason: '再撤销' }).expect(409);
    const finished = await eventually(async () => {
      const r = await request(http).get(`/api/v1/evaluations/${evaluationId}`).set(reviewer.auth);
      return r.body.evaluation?.status === 'finished' ? r.body : null;
    });
    expect(finished.progress).toMatchObject({ total: 4, cancelled: 4, open: 0, completionRate: null });
  });
});
