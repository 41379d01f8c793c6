import { DataSource } from 'typeorm';
import { createUserAndLogin, dataSourceOf, TestAccount } from '../support/auth';
import { startTestStack, TestStack } from '../support/test-stack';
import { dayOffset, Http, importSeed, issueSeed, rid, step } from '../ledger/rectification-http';

/** Fifty reviewers' clicks on the same decision at the same moment make one transition; the rest are told why. */
describe('fault: 50 concurrent identical decisions on one item', () => {
  let stack: TestStack;
  let http: Http;
  let db: DataSource;
  let reviewer: TestAccount;
  let dept: TestAccount;
  let id: string;

  beforeAll(async () => {
    stack = await startTestStack();
    http = stack.api.getHttpServer();
    db = dataSourceOf(stack);
    reviewer = await createUserAndLogin(stack, { role: 'bureau_reviewer' });
    dept = await createUserAndLogin(stack, { role: 'dept_user' });
    const evaluationId = await importSeed(http, reviewer);
    await issueSeed(http, reviewer, evaluationId, { deliveryDate: dayOffset(0), unitId: dept.unitId });
    id = rid(evaluationId, 1);
    await step(http, dept, id, 'acknowledge', { comment: '收到' }).expect(200);
    await step(http, dept, id, 'plan', {
      responsiblePerson: '张三',
      measures: [{ content: '修订绩效目标编制办法', targetDate: dayOffset(30) }],
    }).expect(200);
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('approves the plan once: one 200, 49 conflicts with a reason, one event in the timeline', async () => {
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => step(http, reviewer, id, 'plan/approve', { comment: '同意' })),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    for (const a of answers.filter((x) => x.status === 409)) {
      expect(a.body.error.code).toBe('TRANSITION_NOT_ALLOWED');
      expect(a.body.error.message).toMatch(/[\u4e00-\u9fff]/);
    }
    const events = await db.query(
      'SELECT action FROM rectification_event WHERE rectificationId = ? ORDER BY seq',
      [id],
    );
    const approvals = events.filter((e: { action: string }) => /approve/.test(e.action));
    expect(approvals).toHaveLength(1);
  });
});
