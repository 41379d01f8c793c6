import ExcelJS from 'exceljs';
import request from 'supertest';
import { createUserAndLogin, TestAccount } from '../support/auth';
import { eventually, startTestStack, TestStack } from '../support/test-stack';
import { dayOffset, getBinary, Http, importSeed, issueSeed, rid, step } from './rectification-http';

/** Issue 10 §1: after an approved extension the rungs reached before stay visible in the ledger (督办级别). */
describe('ledger: highest and current escalation level', () => {
  let stack: TestStack;
  let http: Http;
  let reviewer: TestAccount;
  let dept: TestAccount;
  let evaluationId: string;

  beforeAll(async () => {
    stack = await startTestStack();
    http = stack.api.getHttpServer();
    reviewer = await createUserAndLogin(stack, { role: 'bureau_reviewer' });
    dept = await createUserAndLogin(stack, { role: 'dept_user' });
    evaluationId = await importSeed(http, reviewer);
    // Ten days overdue at issuing: 提醒函 at once (督办 only 4 days after it).
    await issueSeed(http, reviewer, evaluationId, {
      deliveryDate: dayOffset(-40),
      unitId: dept.unitId,
      deadlineRule: { kind: 'date', date: dayOffset(-10) },
      policy: { escalationOffsetsDays: [1, 5, 60, 90] },
      acknowledgePastDeadlines: true,
    });
  });
  afterAll(() => stack?.close());

  const ledgerRow = async () => {
    const res = await request(http)
      .get('/api/v1/rectifications')
      .query({ evaluationId, sort: 'findingSeq' })
      .set(reviewer.auth)
      .expect(200);
    return res.body.items[0];
  };

  it('keeps the highest rung after an extension resets the current one, in the list, the detail and the Excel', async () => {
    const id = rid(evaluationId, 1);
    // Generous waits: each rung and step is a workflow round trip, slow on a loaded machine.
    await eventually(async () => (await ledgerRow()).escalationLevel === 1, 90_000, 500);
    await step(http, dept, id, 'acknowledge', { comment: '收到' }).expect(200);
    await step(http, dept, id, 'extensions', {
      reason: '项目资金须待下年度预算批复后方能调整，申请延期',
      newDeadline: dayOffset(60),
    }).expect(200);
    await step(http, reviewer, id, 'extensions/decision', { approve: true, comment: '同意' }).expect(200);

    const row = await eventually(
      async () => {
        const r = await ledgerRow();
        return r.escalationLevel === 0 && r.currentDeadline === dayOffset(60) ? r : null;
      },
      90_000,
      500,
    );
    expect(row).toMatchObject({
      escalationLevel: 0,
      escalationLabel: '无',
      maxEscalationLevel: 1,
      maxEscalationLabel: '提醒函',
      deadlineProvisional: false,
    });

    const detail = await request(http).get(`/api/v1/rectifications/${id}`).set(reviewer.auth).expect(200);
    expect(detail.body.deadline.provisional).toBe(false);
    expect(detail.body.maxEscalationLevel).toBe(1);
    expect(detail.body.escalations).toEqual([
      { level: 1, label: '提醒函', deadlineVersion: 1, at: expect.any(String) },
    ]);

    const res = await getBinary(http, reviewer, '/api/v1/rectifications/export.xlsx', {
      evaluationId,
      sort: 'findingSeq',
    }).expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet('整改台账')!;
    expect(sheet.getRow(2).getCell(16).value).toBe('督办级别');
    expect(sheet.getRow(3).getCell(16).value).toBe('最高：提醒函；当前：无');
    expect(sheet.getRow(4).getCell(16).value).toBe('提醒函');
  });
});
