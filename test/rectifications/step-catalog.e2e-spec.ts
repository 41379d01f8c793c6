import request from 'supertest';
import { STEP_CATALOG, STEP_NAMES } from '../../libs/contracts/src';
import { createUserAndLogin, TestAccount } from '../support/auth';
import {
  dayOffset,
  importSeed,
  issueSeed,
  rid,
  step,
  toInProgress,
  uploadEvidence,
} from '../ledger/rectification-http';
import { eventually, startTestStack, TestStack } from '../support/test-stack';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/**
 * The step catalog seen over HTTP (issue 10 §3–§5): allowedActions per caller, the rules it declares, answers
 * that are the same on a retry, Chinese messages, and bodies refused before validation.
 */
describe('the step catalog over HTTP', () => {
  let stack: TestStack;
  let http: ReturnType<TestStack['api']['getHttpServer']>;
  let reviewer: TestAccount;
  let leader: TestAccount;
  let dept: TestAccount;
  let evaluationId: string;
  const id = (seq: number) => rid(evaluationId, seq);
  const detail = (who: TestAccount, seq: number) =>
    request(http)
      .get(`/api/v1/rectifications/${id(seq)}`)
      .set(who.auth)
      .expect(200);
  const actions = async (who: TestAccount, seq: number) =>
    (await detail(who, seq)).body.allowedActions.map((a: { step: string }) => a.step);

  beforeAll(async () => {
    stack = await startTestStack();
    http = stack.api.getHttpServer();
    reviewer = await createUserAndLogin(stack, { role: 'bureau_reviewer' });
    leader = await createUserAndLogin(stack, { role: 'bureau_leader' });
    dept = await createUserAndLogin(stack, { role: 'dept_user' });
    evaluationId = await importSeed(http, reviewer);
    await issueSeed(http, reviewer, evaluationId, {
      deliveryDate: dayOffset(0),
      unitId: dept.unitId,
      deadlineRule: { kind: 'date', date: dayOffset(30) },
    });
  });
  afterAll(() => stack?.close());

  it('answers allowedActions computed for the caller, with label and path from the catalog', async () => {
    const mine = await detail(dept, 1);
    expect(mine.body.allowedActions).toEqual([{ step: 'acknowledge', label: '签收', path: 'acknowledge' }]);
    expect(await actions(reviewer, 1)).toEqual(['reassign', 'cancel']);
    expect(await actions(leader, 1)).toEqual([]);
    await step(http, dept, id(1), 'acknowledge').expect(200);
    expect(await actions(dept, 1)).toEqual(['submitPlan', 'requestExtension']);
    // Every path offered is a real route: taking it works.
    const plan = (await detail(dept, 1)).body.allowedActions[0];
    await step(http, dept, id(1), plan.path, {
      responsiblePerson: '张三',
      measures: [{ content: '修订制度', targetDate: dayOffset(10) }],
    }).expect(200);
    expect(await actions(reviewer, 1)).toEqual(['approvePlan', 'returnPlan', 'reassign', 'cancel']);
  });

  it('shows the reviewer a warning for a plan measure due after the deadline', async () => {
    await step(http, dept, id(2), 'acknowledge').expect(200);
    await step(http, dept, id(2), 'plan', {
      responsiblePerson: '李四',
      measures: [
        { content: '本月完成', targetDate: dayOffset(10) },
        { content: '明年完成的制度修订', targetDate: dayOffset(90) },
      ],
    }).expect(200);
    const d = await detail(reviewer, 2);
    expect(d.body.warnings).toEqual([
      {
        code: 'MEASURE_AFTER_DEADLINE',
        message: `整改措施第 2 项「明年完成的制度修订」的完成时限 ${dayOffset(90)} 晚于整改时限 ${dayOffset(30)}`,
      },
    ]);
  });

  it('allows an extension only after 签收, with a reason of substance, and a denial only with a reason', async () => {
    const early = await step(http, dept, id(3), 'extensions', {
      reason: '制度修订须经党组会审议',
      newDeadline: dayOffset(60),
    }).expect(409);
    expect(early.body.error.message).toBe('当前状态为「已下发」，不能申请延期');
    await step(http, dept, id(3), 'acknowledge').expect(200);
    for (const reason of ['啊啊啊啊啊啊', '  。。。  ', '延期'])
      expect(
        (await step(http, dept, id(3), 'extensions', { reason, newDeadline: dayOffset(60) }).expect(409)).body
          .error.message,
      ).toMatch(/^延期理由/);
    await step(http, dept, id(3), 'extensions', {
      reason: '制度修订须经党组会审议',
      newDeadline: dayOffset(60),
    }).expect(200);
    expect(await actions(reviewer, 3)).toContain('decideExtension');
    const bare = await step(http, reviewer, id(3), 'extensions/decision', { approve: false }).expect(409);
    expect(bare.body.error.message).toBe('不同意延期须说明理由');
    await step(http, reviewer, id(3), 'extensions/decision', {
      approve: false,
      comment: '理由不充分',
    }).expect(200);
  });

  it('answers every retry with the same Idempotency-Key with the first 200 body, also 30 at once', async () => {
    await toInProgress(http, dept, reviewer, id(4));
    await uploadEvidence(http, dept, id(4), [{ name: 'poly.html', bytes: PDF }]).expect(200);
    await step(http, dept, id(4), 'submit', { account: '已按方案完成整改' }).expect(200);
    const key = `review-${Date.now()}-0001`;
    const answers = await Promise.all(
      Array.from({ length: 30 }, () =>
        step(http, reviewer, id(4), 'review', { result: 'rectified', comment: '' }, key),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(30).fill(200));
    expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
    expect(answers[0].body.status).toBe('closed');
    // After the item closed, a retry still gets the original answer, not 409.
    const later = await step(
      http,
      reviewer,
      id(4),
      'review',
      { result: 'rectified', comment: '' },
      key,
    ).expect(200);
    expect(later.body).toEqual(answers[0].body);
    const closes = await eventually(async () => {
      const d = await detail(reviewer, 4);
      return d.body.timeline.filter((e: { action: string }) => e.action === 'review');
    });
    expect(closes).toHaveLength(1);
    // The same key for another request is refused.
    const misuse = await step(http, reviewer, id(3), 'cancel', { reason: '重复下发' }, key).expect(409);
    expect(misuse.body.error.message).toMatch(/Idempotency-Key 已用于另一个请求/);
  });

  it('stores and serves evidence under the detected type: poly.html holding a PDF is poly.pdf', async () => {
    const list = await request(http)
      .get(`/api/v1/rectifications/${id(4)}/evidence`)
      .set(dept.auth)
      .expect(200);
    const [file] = list.body.items;
    expect(file).toMatchObject({ name: 'poly.pdf', detectedType: 'pdf' });
    const dl = await request(http)
      .get(`/api/v1/rectifications/${id(4)}/evidence/${file.id}/download`)
      .set(dept.auth)
      .expect(200);
    expect(dl.headers['content-disposition']).toContain('poly.pdf');
  });

  it('answers 400 in Chinese naming the field in Chinese, and says a missing field is missing', async () => {
    const res = await step(http, dept, id(1), 'plan', { measures: [] }).expect(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details.fields).toEqual({
      responsiblePerson: ['缺少「责任人」'],
      measures: ['「整改措施」至少 1 项'],
    });
    expect(res.body.error.message).not.toMatch(/must|should|elements/);
    const nested = await step(http, dept, id(1), 'plan', {
      responsiblePerson: '张三',
      measures: [{ content: '', targetDate: '明年' }],
    }).expect(400);
    expect(nested.body.error.details.fields['measures.0.content']).toEqual([
      '「整改措施第 1 项内容」不能为空',
    ]);
    expect(nested.body.error.details.fields['measures.0.targetDate'][0]).toMatch(
      /^「整改措施第 1 项完成时限」/,
    );
  });

  it('refuses deeply nested or oversized JSON with 400 before validation, even on /auth/login', async () => {
    const deep = '{"a":'.repeat(2000) + '1' + '}'.repeat(2000);
    const res = await request(http)
      .post('/api/v1/auth/login')
      .set('Content-Type', 'application/json')
      .send(deep)
      .expect(400);
    expect(res.body.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: '请求体嵌套过深（最多 32 层）',
    });
    const wide = await step(http, dept, id(1), 'plan', {
      responsiblePerson: '张三',
      measures: Array.from({ length: 30_000 }, () => 1),
    }).expect(400);
    expect(wide.body.error.message).toMatch(/请求体包含的元素过多/);
  });

  it('refuses a NUL byte in a multipart file name with 400 and a reason', async () => {
    const res = await uploadEvidence(http, dept, id(2), [{ name: 'a\u0000b.pdf', bytes: PDF }]);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'BAD_REQUEST', details: { reason: 'MALFORMED_MULTIPART' } });
    expect(res.body.error.message).toMatch(/文件名含有空字符/);
  });

  it('documents every catalog step in OpenAPI with a response schema; offsets are integers, state arrays objects', async () => {
    const doc = (await request(http).get('/api/docs-json').expect(200)).body;
    for (const name of STEP_NAMES) {
      const op = doc.paths[`/api/v1/rectifications/{id}/${STEP_CATALOG[name].path}`]?.post;
      expect({ name, summary: op?.summary }).toEqual({ name, summary: STEP_CATALOG[name].summary });
      expect(op.responses['200'].content['application/json'].schema.$ref).toMatch(/RectificationStateDto$/);
      expect(op.responses['409'].content['application/json'].schema.$ref).toMatch(/ApiErrorDto$/);
    }
    const schemas = doc.components.schemas;
    expect(schemas.RectificationStateDto.properties.plans).toMatchObject({
      type: 'array',
      items: { type: 'object' },
    });
    expect(schemas.IssuePolicyDto.properties.escalationOffsetsDays).toMatchObject({
      type: 'array',
      items: { type: 'integer' },
    });
  });
});
