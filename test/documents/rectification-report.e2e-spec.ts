import { createHash } from 'node:crypto';
import mammoth from 'mammoth';
import request from 'supertest';
import { createUserAndLogin, TestAccount } from '../support/auth';
import { eventually, startTestStack, TestStack } from '../support/test-stack';
import {
  dayOffset,
  getBinary,
  Http,
  importSeed,
  rid,
  step,
  toInProgress,
  uploadEvidence,
} from '../ledger/rectification-http';
import { minimalPdf } from '../evidence/evidence-fixtures';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const OPEN = 'issued,acknowledged,plan_submitted,in_progress,submitted,ongoing';

/** The summary sentence of the report, read back as numbers. */
function figures(text: string) {
  const m =
    /共发现问题(\d+)个，其中已销号(\d+)个，整改中(\d+)个（其中逾期(\d+)个），已撤销(\d+)个；整改完成率([\d.]+%|—)；批准延期(\d+)次/.exec(
      text,
    );
  if (!m) throw new Error(`no summary in the report: ${text.slice(0, 400)}`);
  return {
    total: Number(m[1]),
    closed: Number(m[2]),
    ongoing: Number(m[3]),
    overdue: Number(m[4]),
    cancelled: Number(m[5]),
    completionRate: m[6],
    extensions: Number(m[7]),
  };
}

/**
 * 整改情况报告 on the seed journey: one problem closed with evidence, one cancelled, two open. The report's
 * figures are compared with what GET /rectifications counts for the same caller and filters.
 */
describe('整改情况报告 (.docx drafts)', () => {
  let stack: TestStack;
  let http: Http;
  let reviewer: TestAccount;
  let reviewer2: TestAccount;
  let dept: TestAccount;
  let otherDept: TestAccount;
  let evaluationId: string;
  const pdf = minimalPdf('整改报告');

  const ledgerTotal = async (who: TestAccount, query: Record<string, string | number>) =>
    (await request(http).get('/api/v1/rectifications').query(query).set(who.auth).expect(200)).body
      .total as number;
  const reportText = async (who: TestAccount, path: string, query: Record<string, unknown> = {}) => {
    const res = await getBinary(http, who, path, query).expect(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    return (await mammoth.extractRawText({ buffer: res.body as Buffer })).value;
  };

  beforeAll(async () => {
    stack = await startTestStack();
    http = stack.api.getHttpServer();
    reviewer = await createUserAndLogin(stack, { role: 'bureau_reviewer' });
    reviewer2 = await createUserAndLogin(stack, { role: 'bureau_reviewer' });
    dept = await createUserAndLogin(stack, { role: 'dept_user' });
    otherDept = await createUserAndLogin(stack, { role: 'dept_user' });
    evaluationId = await importSeed(http, reviewer);
    await request(http)
      .post(`/api/v1/evaluations/${evaluationId}/issue`)
      .set(reviewer.auth)
      .send({ deliveryDate: dayOffset(0), unitId: dept.unitId })
      .expect(200);
    // Generous: on a loaded machine the page workflow may take a while to start its four items.
    await eventually(async () => (await ledgerTotal(reviewer, { evaluationId })) === 4, 180000, 500);
    const first = rid(evaluationId, 1);
    await toInProgress(http, dept, reviewer, first);
    await uploadEvidence(http, dept, first, [{ name: '整改报告（盖章版）.pdf', bytes: pdf }], {
      description: '整改报告',
      effectiveDate: dayOffset(-1),
    }).expect(200);
    await step(http, dept, first, 'submit', { account: '已按方案修订编制办法' }).expect(200);
    await step(http, reviewer2, first, 'review', { result: 'rectified', comment: '同意销号' }).expect(200);
    await step(http, reviewer, rid(evaluationId, 2), 'cancel', { reason: '问题已在其他项目中整改' }).expect(
      200,
    );
    await toInProgress(http, dept, reviewer, rid(evaluationId, 3));
  });
  afterAll(() => stack?.close());

  it('prints per evaluation the figures the ledger counts, and each problem with plan, evidence and dates', async () => {
    const text = await reportText(reviewer, `/api/v1/evaluations/${evaluationId}/rectification-report.docx`);
    const f = figures(text);
    const q = { evaluationId };
    const closed = await ledgerTotal(reviewer, { ...q, status: 'closed' });
    const cancelled = await ledgerTotal(reviewer, { ...q, status: 'cancelled' });
    expect(f).toEqual({
      total: await ledgerTotal(reviewer, q),
      closed,
      ongoing: await ledgerTotal(reviewer, { ...q, status: OPEN }),
      overdue: await ledgerTotal(reviewer, { ...q, status: OPEN, overdue: 'true' }),
      cancelled,
      completionRate: `${Math.round((closed / (f.total - cancelled)) * 1000) / 10}%`,
      extensions: 0,
    });
    expect(f).toMatchObject({ total: 4, closed: 1, cancelled: 1, ongoing: 2 });
    expect(text).toContain('整改情况报告');
    expect(text).toContain('2023年工业发展专项资金项目');
    expect(text).toContain('80.08'); // the seed's score
    expect(text).toContain('问题1：预算绩效管理待完善，预算编制依据不全面');
    expect(text).toContain('修订绩效目标编制办法'); // the plan's measure
    expect(text).toContain('整改报告（盖章版）.pdf');
    expect(text).toContain(sha256(pdf));
    const today = dayOffset(0).split('-').map(Number);
    expect(text).toContain(
      `认定日期：${today[0]}年${today[1]}月${today[2]}日；销号日期：${today[0]}年${today[1]}月${today[2]}日`,
    );
    expect(text).toContain('整改建议：');
  });

  it('gives a department its own units’ report and 404 for another’s', async () => {
    const path = `/api/v1/evaluations/${evaluationId}/rectification-report.docx`;
    const text = await reportText(dept, path);
    expect(figures(text).total).toBe(await ledgerTotal(dept, { evaluationId }));
    const refused = await request(http).get(path).set(otherDept.auth).expect(404);
    expect(refused.body.error.code).toBe('NOT_FOUND');
  });

  it('reports a unit for a year with the same figures as its ledger, scoped like it', async () => {
    const path = `/api/v1/units/${dept.unitId}/rectification-report.docx`;
    const year = Number(dayOffset(0).slice(0, 4));
    const f = figures(await reportText(dept, path, { year }));
    const q = { unitId: dept.unitId };
    expect(f).toMatchObject({
      total: await ledgerTotal(dept, q),
      closed: await ledgerTotal(dept, { ...q, status: 'closed' }),
      cancelled: await ledgerTotal(dept, { ...q, status: 'cancelled' }),
      ongoing: await ledgerTotal(dept, { ...q, status: OPEN }),
    });
    expect(figures(await reportText(dept, path, { year: year - 1 })).total).toBe(0);
    await request(http).get(path).query({ year }).set(otherDept.auth).expect(404);
    const bad = await request(http).get(path).query({ year: 'x' }).set(dept.auth).expect(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    expect(bad.body.error.message).toContain('年度');
  });
});
