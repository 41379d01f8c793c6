import request from 'supertest';
import { createUserAndLogin, dataSourceOf, TestAccount } from '../support/auth';
import { dayOffset, Http, importSeed, rid } from '../ledger/rectification-http';
import { privateTestDatabase } from '../support/private-database';
import { eventually, startTestStack, TestStack } from '../support/test-stack';

const DAY = 86400;

/** Issue 11: the bureau's default policy, edited by an administrator and used when 下发 does not say otherwise. */
describe('默认整改政策: GET/PUT /admin/policy-defaults and issuing with the stored defaults', () => {
  let stack: TestStack;
  let http: Http;
  let admin: TestAccount;
  let reviewer: TestAccount;
  let leader: TestAccount;
  let auditor: TestAccount;
  let dept: TestAccount;

  const stored = {
    requirePlanApproval: false,
    reminderOffsetsDays: [10, 5],
    escalationOffsetsDays: [2, 9, 20, 40],
    maxExtensions: 3,
    progressReportIntervalDays: 45,
  };
  const clear = () => dataSourceOf(stack).query('DELETE FROM policy_defaults');
  const rows = async () => (await dataSourceOf(stack).query('SELECT * FROM policy_defaults')) as unknown[];
  const audits = async (actorId: number) =>
    (await dataSourceOf(stack).query(
      "SELECT action, entityType, entityId, payload FROM audit_log WHERE actorId = ? AND action = 'policy_defaults.put' ORDER BY id",
      [actorId],
    )) as { action: string; entityType: string; entityId: string; payload: unknown }[];
  const put = (who: TestAccount, body: object) =>
    request(http).put('/api/v1/admin/policy-defaults').set(who.auth).send(body);
  const addDays = (date: string, days: number) =>
    new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY * 1000).toISOString().slice(0, 10);

  beforeAll(async () => {
    // its own database: the stored defaults are bureau-wide, and other files issue at the same time
    stack = await startTestStack({ overrides: { DATABASE_URL: await privateTestDatabase('policy_api') } });
    http = stack.api.getHttpServer();
    admin = await createUserAndLogin(stack, { role: 'bureau_admin', displayName: '政策管理员' });
    reviewer = await createUserAndLogin(stack, { role: 'bureau_reviewer' });
    leader = await createUserAndLogin(stack, { role: 'bureau_leader' });
    auditor = await createUserAndLogin(stack, { role: 'auditor' });
    dept = await createUserAndLogin(stack, { role: 'dept_user' });
  });
  // The row is bureau-wide in the shared test database: other files issue with the environment's defaults.
  afterAll(async () => {
    if (stack) await clear();
    await stack?.close();
  });

  it('nothing stored: the bureau roles read the environment defaults; others are refused', async () => {
    await clear();
    for (const who of [reviewer, leader, admin]) {
      const res = await request(http).get('/api/v1/admin/policy-defaults').set(who.auth).expect(200);
      expect(res.body).toEqual({
        defaults: {
          requirePlanApproval: true,
          reminderOffsetsDays: stack.config.policy.reminderOffsetsDays,
          escalationOffsetsDays: stack.config.policy.escalationOffsetsDays,
          maxExtensions: stack.config.policy.maxExtensions,
          progressReportIntervalDays: null,
        },
        source: 'environment',
        updatedAt: null,
        updatedBy: null,
      });
    }
    for (const who of [dept, auditor]) {
      const res = await request(http).get('/api/v1/admin/policy-defaults').set(who.auth).expect(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
    }
    for (const who of [dept, reviewer, leader]) await put(who, stored).expect(403);
    expect(await rows()).toEqual([]);
  });

  it('refuses what issuing refuses, with the reason in Chinese, storing and auditing nothing', async () => {
    await clear();
    const decreasing = await put(admin, { ...stored, escalationOffsetsDays: [3, 2, 1, 0] }).expect(400);
    expect(decreasing.body.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: '督办升级天数须严格递增：督办（2 天）须晚于提醒函（3 天）',
    });
    const negative = await put(admin, { ...stored, reminderOffsetsDays: [3, -1] }).expect(400);
    expect(negative.body.error.message).toBe('提醒天数须在截止日前 1–365 天之间');
    const tooMany = await put(admin, { ...stored, maxExtensions: 11 }).expect(400);
    expect(tooMany.body.error.message).toBe('最多延期次数须为 0–10 的整数');
    const missing = await put(admin, { ...stored, escalationOffsetsDays: undefined }).expect(400);
    expect(missing.body.error.code).toBe('VALIDATION_FAILED');
    expect(missing.body.error.message).toMatch(/督办升级天数/);
    const unknown = await put(admin, { ...stored, escalationAudiences: { '1': ['unit'] } }).expect(400);
    expect(unknown.body.error.code).toBe('VALIDATION_FAILED');
    // The same rule refuses the same ladder given per evaluation when issuing.
    const evaluationId = await importSeed(http, reviewer);
    const issued = await request(http)
      .post(`/api/v1/evaluations/${evaluationId}/issue?dryRun=true`)
      .set(reviewer.auth)
      .send({
        deliveryDate: dayOffset(0),
        unitId: dept.unitId,
        policy: { escalationOffsetsDays: [3, 2, 1, 0] },
      })
      .expect(400);
    expect(issued.body.error.message).toBe(decreasing.body.error.message);
    expect(await rows()).toEqual([]);
    expect(await audits(admin.user.id)).toEqual([]);
  });

  it('an administrator saves the defaults: read back with who and when, audited, and issuing without a policy uses them', async () => {
    await clear();
    try {
      const saved = await put(admin, stored).expect(200);
      expect(saved.body).toEqual({
        defaults: stored,
        source: 'stored',
        updatedAt: expect.any(String),
        updatedBy: { id: admin.user.id, username: admin.username, displayName: '政策管理员' },
      });
      expect(Math.abs(Date.parse(saved.body.updatedAt) - Date.now())).toBeLessThan(60_000);
      const read = await request(http).get('/api/v1/admin/policy-defaults').set(leader.auth).expect(200);
      expect(read.body).toEqual(saved.body);

      const [entry] = await audits(admin.user.id);
      expect(entry).toMatchObject({
        action: 'policy_defaults.put',
        entityType: 'policy_defaults',
        entityId: '1',
      });
      expect(entry.payload).toMatchObject({
        before: { source: 'environment', reminderOffsetsDays: stack.config.policy.reminderOffsetsDays },
        after: stored,
      });

      // The dry run plans the stored reminders and rungs.
      const evaluationId = await importSeed(http, reviewer);
      const body = {
        deliveryDate: dayOffset(0),
        unitId: dept.unitId,
        deadlineRule: { kind: 'calendar_days', days: 60 },
      };
      const preview = await request(http)
        .post(`/api/v1/evaluations/${evaluationId}/issue?dryRun=true`)
        .set(reviewer.auth)
        .send(body)
        .expect(200);
      const [first] = preview.body.findings;
      expect(first.deadline.date).toBe(dayOffset(60));
      expect(first.reminders.map((r: { offsetDays: number }) => r.offsetDays)).toEqual([10, 5]);
      expect(first.rungs.map((r: { plannedDate: string }) => r.plannedDate)).toEqual(
        [2, 9, 20, 40].map((d) => addDays(first.deadline.date, d)),
      );

      // A per-evaluation value still wins over the stored default; the rest comes from the defaults.
      const overridden = await request(http)
        .post(`/api/v1/evaluations/${evaluationId}/issue?dryRun=true`)
        .set(reviewer.auth)
        .send({ ...body, policy: { reminderOffsetsDays: [7] } })
        .expect(200);
      expect(overridden.body.findings[0].reminders.map((r: { offsetDays: number }) => r.offsetDays)).toEqual([
        7,
      ]);
      expect(overridden.body.findings[0].rungs.map((r: { plannedDate: string }) => r.plannedDate)).toEqual(
        first.rungs.map((r: { plannedDate: string }) => r.plannedDate),
      );

      // The real issue: the started item runs on the stored defaults.
      await request(http)
        .post(`/api/v1/evaluations/${evaluationId}/issue`)
        .set(reviewer.auth)
        .send(body)
        .expect(200);
      const policy = {
        requirePlanApproval: false,
        reminderOffsetsSeconds: [10 * DAY, 5 * DAY],
        escalationOffsetsSeconds: [2 * DAY, 9 * DAY, 20 * DAY, 40 * DAY],
        maxExtensions: 3,
        progressReportIntervalSeconds: 45 * DAY,
      };
      // The item's own state, as its workflow started with it (the projection writes it to the read model).
      const itemState = await eventually(
        async () => {
          const [row] = await dataSourceOf(stack).query('SELECT state FROM rectification WHERE id = ?', [
            rid(evaluationId, 1),
          ]);
          return row ? (typeof row.state === 'string' ? JSON.parse(row.state) : row.state) : null;
        },
        120_000,
        500,
      );
      expect(itemState.policy).toEqual(policy);
    } finally {
      await clear();
    }
  }, 180_000);
});
