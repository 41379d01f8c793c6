import request from 'supertest';
import { createUserAndLogin, dataSourceOf, TestAccount } from '../support/auth';
import { dayOffset, Http, importSeed } from '../ledger/rectification-http';
import { startTestStack, TestStack } from '../support/test-stack';

/** Issue 10 §1: a validated policy, a dry run that writes nothing, and past deadlines confirmed and audited. */
describe('issuing: policy validation, dry run and past deadlines', () => {
  let stack: TestStack;
  let http: Http;
  let reviewer: TestAccount;
  let dept: TestAccount;

  beforeAll(async () => {
    stack = await startTestStack();
    http = stack.api.getHttpServer();
    reviewer = await createUserAndLogin(stack, { role: 'bureau_reviewer' });
    dept = await createUserAndLogin(stack, { role: 'dept_user' });
  });
  afterAll(() => stack?.close());

  const issue = (evaluationId: string, body: object, dryRun = false) =>
    request(http)
      .post(`/api/v1/evaluations/${evaluationId}/issue${dryRun ? '?dryRun=true' : ''}`)
      .set(reviewer.auth)
      .send(body);
  const written = async (evaluationId: string) => {
    const db = dataSourceOf(stack);
    const [e] = await db.query('SELECT status, issuePlan FROM evaluation WHERE id = ?', [evaluationId]);
    const [r] = await db.query('SELECT COUNT(*) AS n FROM rectification WHERE evaluationId = ?', [
      evaluationId,
    ]);
    return { status: e.status as string, plan: e.issuePlan, rectifications: Number(r.n) };
  };
  /** 送达日 90 days ago and a 10-day deadline: 80 days overdue at issuing. */
  const backDated = () => ({
    deliveryDate: dayOffset(-90),
    unitId: dept.unitId,
    deadlineRule: { kind: 'calendar_days', days: 10 },
    policy: { reminderOffsetsDays: [7, 3, 1], escalationOffsetsDays: [1, 8, 15, 30] },
  });

  it('refuses a decreasing ladder with 400 and a Chinese reason, writing nothing', async () => {
    const id = await importSeed(http, reviewer);
    const res = await issue(id, {
      deliveryDate: dayOffset(0),
      unitId: dept.unitId,
      policy: { escalationOffsetsDays: [3, 2, 1, 0] },
    }).expect(400);
    expect(res.body.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: '督办升级天数须严格递增：督办（2 天）须晚于提醒函（3 天）',
    });
    const increasingReminders = await issue(id, {
      deliveryDate: dayOffset(0),
      unitId: dept.unitId,
      policy: { reminderOffsetsDays: [1, 3, 7] },
    }).expect(400);
    expect(increasingReminders.body.error.message).toContain('提醒天数须从远到近严格递减');
    // The same rules apply to the dry run.
    await issue(
      id,
      { deliveryDate: dayOffset(0), unitId: dept.unitId, policy: { escalationOffsetsDays: [3, 2, 1, 0] } },
      true,
    ).expect(400);
    expect(await written(id)).toEqual({ status: 'draft', plan: null, rectifications: 0 });
  });

  it('dry run of a back-dated issue: every date planned, 提醒函 now and each rung its gap after — nothing written', async () => {
    const id = await importSeed(http, reviewer);
    const res = await issue(id, backDated(), true).expect(200);
    expect(res.body).toMatchObject({ dryRun: true, workflows: 4, pastDeadlines: 4, provisionalDeadlines: 0 });
    expect(res.body.warnings).toEqual([expect.stringContaining('整改时限已过')]);
    const [first] = res.body.findings;
    expect(first).toMatchObject({
      seq: 1,
      title: '预算绩效管理待完善，预算编制依据不全面',
      unitId: dept.unitId,
      unitName: expect.any(String),
      deadline: { date: dayOffset(-80), provisional: false, past: true, at: expect.any(String) },
    });
    expect(first.reminders).toEqual([
      { offsetDays: 7, plannedDate: dayOffset(-87), skipped: true },
      { offsetDays: 3, plannedDate: dayOffset(-83), skipped: true },
      { offsetDays: 1, plannedDate: dayOffset(-81), skipped: true },
    ]);
    expect(first.rungs).toEqual([
      { level: 1, label: '提醒函', plannedDate: dayOffset(0) },
      { level: 2, label: '督办', plannedDate: dayOffset(7) },
      { level: 3, label: '约谈', plannedDate: dayOffset(14) },
      { level: 4, label: '通报', plannedDate: dayOffset(29) },
    ]);
    expect(await written(id)).toEqual({ status: 'draft', plan: null, rectifications: 0 });
    const [audit] = await dataSourceOf(stack).query(
      "SELECT COUNT(*) AS n FROM audit_log WHERE action LIKE 'evaluation.issue%' AND entityId = ?",
      [id],
    );
    expect(Number(audit.n)).toBe(0);
  });

  it('marks a working-day deadline in a year without loaded holidays provisional, with a warning', async () => {
    const id = await importSeed(http, reviewer);
    const res = await issue(
      id,
      { deliveryDate: '2030-12-02', unitId: dept.unitId, deadlineRule: { kind: 'working_days', days: 30 } },
      true,
    ).expect(200);
    expect(res.body).toMatchObject({ pastDeadlines: 0, provisionalDeadlines: 4 });
    expect(res.body.findings[0].deadline).toMatchObject({ provisional: true, past: false });
    expect(res.body.warnings).toEqual([expect.stringContaining('暂定')]);
  });

  it('refuses a past deadline without acknowledgePastDeadlines (409, findings listed), then issues and audits it', async () => {
    const id = await importSeed(http, reviewer);
    const refused = await issue(id, backDated()).expect(409);
    expect(refused.body.error).toMatchObject({
      code: 'PAST_DEADLINES_NOT_ACKNOWLEDGED',
      message: expect.stringContaining('整改时限已过'),
    });
    expect(refused.body.error.details.findings).toHaveLength(4);
    expect(refused.body.error.details.findings[0]).toMatchObject({ seq: 1, deadline: dayOffset(-80) });
    expect(await written(id)).toEqual({ status: 'draft', plan: null, rectifications: 0 });

    const issued = await issue(id, { ...backDated(), acknowledgePastDeadlines: true }).expect(200);
    expect(issued.body.warnings).toEqual([expect.stringContaining('问题 1、2、3、4 的整改时限已过')]);
    const rows = await dataSourceOf(stack).query(
      `SELECT actorId, payload FROM audit_log WHERE action = 'evaluation.issue.past_deadlines_acknowledged' AND entityId = ?`,
      [id],
    );
    expect(rows).toHaveLength(1);
    const payload = typeof rows[0].payload === 'string' ? JSON.parse(rows[0].payload) : rows[0].payload;
    expect(rows[0].actorId).toBe(reviewer.user.id);
    expect(payload.findings.map((f: { seq: number }) => f.seq)).toEqual([1, 2, 3, 4]);
  });
});
