/**
 * 工作台 figures and 我的待办 over HTTP on the real stack, items made by the real path (import → 下发 → steps).
 * Department A gets an evaluation delivered 40 days ago with a deadline 20 days ago (overdue at once, climbing to
 * 约谈); its findings are taken to 方案待审, 待认定 and 已销号. Department B gets one due in 5 days, one of whose
 * items asks for an extension. Every figure must equal the ledger's total under the filter the web links it to,
 * and a department never sees the other's numbers.
 */
import request from 'supertest';
import { createUserAndLogin, TestAccount } from '../support/auth';
import { eventually, startTestStack, TestStack } from '../support/test-stack';
import { minimalPdf } from '../evidence/evidence-fixtures';
import {
  dayOffset,
  Http,
  importSeed,
  issueSeed,
  rid,
  step,
  toInProgress,
  uploadEvidence,
} from '../ledger/rectification-http';

const OPEN = 'issued,acknowledged,plan_submitted,in_progress,submitted,ongoing';

describe('dashboard and to-do: figures, ledger links and unit scoping', () => {
  let stack: TestStack;
  let http: Http;
  let reviewer: TestAccount;
  let reviewer2: TestAccount;
  let leader: TestAccount;
  let auditor: TestAccount;
  let deptA: TestAccount;
  let deptB: TestAccount;
  let evalA: string;
  let evalB: string;

  const get = (who: TestAccount, path: string, query: Record<string, unknown> = {}) =>
    request(http).get(`/api/v1${path}`).query(query).set(who.auth).expect(200);
  const ledgerTotal = async (who: TestAccount, query: Record<string, unknown>) =>
    (await get(who, '/rectifications', query)).body.total as number;

  beforeAll(async () => {
    stack = await startTestStack();
    http = stack.api.getHttpServer();
    reviewer = await createUserAndLogin(stack, { role: 'bureau_reviewer' });
    reviewer2 = await createUserAndLogin(stack, { role: 'bureau_reviewer', unitId: reviewer.unitId });
    leader = await createUserAndLogin(stack, { role: 'bureau_leader', unitId: reviewer.unitId });
    auditor = await createUserAndLogin(stack, { role: 'auditor', unitId: reviewer.unitId });
    deptA = await createUserAndLogin(stack, { role: 'dept_user' });
    deptB = await createUserAndLogin(stack, { role: 'dept_user' });
    evalA = await importSeed(http, reviewer);
    evalB = await importSeed(http, reviewer);
    await issueSeed(http, reviewer, evalA, {
      deliveryDate: dayOffset(-40),
      unitId: deptA.unitId,
      deadlineRule: { kind: 'date', date: dayOffset(-20) },
      policy: { escalationOffsetsDays: [1, 8, 15, 60] },
      acknowledgePastDeadlines: true,
    });
    await issueSeed(http, reviewer, evalB, {
      deliveryDate: dayOffset(0),
      unitId: deptB.unitId,
      deadlineRule: { kind: 'date', date: dayOffset(5) },
    });
    // A1 → 方案待审; A2 → 待认定; A3 → 已销号; A4 stays 已下发.
    await step(http, deptA, rid(evalA, 1), 'acknowledge', {}).expect(200);
    await step(http, deptA, rid(evalA, 1), 'plan', {
      responsiblePerson: '张三',
      measures: [{ content: '修订绩效目标编制办法', targetDate: dayOffset(30) }],
    }).expect(200);
    for (const seq of [2, 3]) {
      await toInProgress(http, deptA, reviewer, rid(evalA, seq));
      await uploadEvidence(
        http,
        deptA,
        rid(evalA, seq),
        [{ name: '整改报告.pdf', bytes: minimalPdf('整改') }],
        {
          description: '整改报告',
          effectiveDate: dayOffset(0),
        },
      ).expect(200);
      await step(http, deptA, rid(evalA, seq), 'submit', { account: '已整改' }).expect(200);
    }
    await step(http, reviewer2, rid(evalA, 3), 'review', { result: 'rectified', comment: '同意销号' }).expect(
      200,
    );
    // B1: 签收, then an extension request awaiting the bureau.
    await step(http, deptB, rid(evalB, 1), 'acknowledge', {}).expect(200);
    await step(http, deptB, rid(evalB, 1), 'extensions', {
      reason: '涉及跨年度预算调整',
      newDeadline: dayOffset(40),
    }).expect(200);
    // The ladder for A's open items starts on its own timers (rung by rung; how far it has climbed is read below).
    await eventually(
      async () => (await ledgerTotal(deptA, { status: OPEN, minEscalationLevel: 1 })) >= 1,
      90_000,
    );
  });
  afterAll(() => stack?.close());

  it('summary: each figure for a department, equal to the ledger under its link filter', async () => {
    // Which open items count as overdue is the workflow's (an item awaiting 认定 may not): read it from the ledger.
    const overdueA = await ledgerTotal(deptA, { status: OPEN, overdue: true });
    expect(overdueA).toBeGreaterThan(0);
    const a = (await get(deptA, '/dashboard/summary')).body;
    expect(a).toMatchObject({
      open: 3,
      overdue: overdueA,
      awaitingReview: { total: 2, planSubmitted: 1, submitted: 1 },
      dueIn7Days: 0,
      closedThisMonth: 1,
      today: dayOffset(0),
      dueWithin: { from: dayOffset(0), to: dayOffset(6) },
    });
    const b = (await get(deptB, '/dashboard/summary')).body;
    expect(b).toMatchObject({ open: 4, overdue: 0, dueIn7Days: 4, closedThisMonth: 0 });
    expect(b.awaitingReview.total).toBe(0);

    expect(await ledgerTotal(deptA, { status: OPEN })).toBe(a.open);
    expect(await ledgerTotal(deptA, { status: OPEN, overdue: true })).toBe(a.overdue);
    expect(await ledgerTotal(deptA, { status: 'plan_submitted,submitted' })).toBe(a.awaitingReview.total);
    expect(
      await ledgerTotal(deptB, { status: OPEN, deadlineFrom: b.dueWithin.from, deadlineTo: b.dueWithin.to }),
    ).toBe(b.dueIn7Days);
  });

  it('by-unit: completion per unit, a department sees only its own row, the bureau sees both', async () => {
    const a = (await get(deptA, '/dashboard/by-unit')).body;
    expect(a).toEqual([
      expect.objectContaining({
        unitId: deptA.unitId,
        total: 4,
        closed: 1,
        cancelled: 0,
        open: 3,
        overdue: await ledgerTotal(deptA, { status: OPEN, overdue: true }),
        completionRate: 0.25,
      }),
    ]);
    const bureau = (await get(reviewer, '/dashboard/by-unit')).body as { unitId: number }[];
    expect(bureau.find((r) => r.unitId === deptB.unitId)).toMatchObject({
      total: 4,
      closed: 0,
      completionRate: 0,
    });
    expect(bureau.find((r) => r.unitId === deptA.unitId)).toMatchObject({ total: 4, closed: 1 });
    expect((await get(deptB, '/dashboard/by-unit')).body.map((r: { unitId: number }) => r.unitId)).toEqual([
      deptB.unitId,
    ]);
  });

  it('ageing: 20 days overdue falls in 8–30 天, whose deadline range gives the same ledger rows', async () => {
    const buckets = (await get(deptA, '/dashboard/ageing')).body as {
      key: string;
      count: number;
      deadlineFrom: string | null;
      deadlineTo: string;
    }[];
    expect(buckets.map((b) => [b.key, b.count])).toEqual([
      ['d0_7', 0],
      ['d8_30', await ledgerTotal(deptA, { status: OPEN, overdue: true })],
      ['d31_90', 0],
      ['d90', 0],
    ]);
    const bucket = buckets[1];
    expect(bucket).toMatchObject({ deadlineFrom: dayOffset(-30), deadlineTo: dayOffset(-8) });
    expect(
      await ledgerTotal(deptA, {
        status: OPEN,
        overdue: true,
        deadlineFrom: bucket.deadlineFrom,
        deadlineTo: bucket.deadlineTo,
      }),
    ).toBe(bucket.count);
    expect((await get(deptB, '/dashboard/ageing')).body.every((b: { count: number }) => b.count === 0)).toBe(
      true,
    );
  });

  it('rungs: current level of open items, equal to the ledger per level', async () => {
    const rungs = (await get(deptA, '/dashboard/rungs')).body as {
      level: number;
      label: string;
      count: number;
    }[];
    expect(rungs.map((r) => r.label)).toEqual(['提醒函', '督办', '约谈', '通报']);
    const escalated = await ledgerTotal(deptA, { status: OPEN, minEscalationLevel: 1 });
    expect(escalated).toBeGreaterThan(0);
    expect(rungs.reduce((n, r) => n + r.count, 0)).toBe(escalated);
    for (const r of rungs)
      expect(await ledgerTotal(deptA, { status: OPEN, escalationLevel: r.level })).toBe(r.count);
    expect((await get(deptB, '/dashboard/rungs')).body.every((r: { count: number }) => r.count === 0)).toBe(
      true,
    );
  });

  it('grades: a department counts only the evaluations issued to it', async () => {
    const { body: detail } = await get(reviewer, `/evaluations/${evalA}`);
    const grade = detail.evaluation?.grade ?? detail.grade;
    const rows = (await get(deptA, '/dashboard/grades')).body as { grade: string; count: number }[];
    expect(rows.map((r) => r.grade)).toEqual(['优', '良', '中', '差', '未定等级']);
    expect(rows.reduce((n, r) => n + r.count, 0)).toBe(1);
    expect(rows.find((r) => r.grade === (grade ?? '未定等级'))?.count).toBe(1);
  });

  it('closures-weekly: the closure falls in this week, weeks run Monday to Sunday', async () => {
    const weeks = (await get(deptA, '/dashboard/closures-weekly', { weeks: 4 })).body as {
      weekStart: string;
      weekEnd: string;
      count: number;
    }[];
    expect(weeks).toHaveLength(4);
    expect(new Date(`${weeks[3].weekStart}T00:00:00Z`).getUTCDay()).toBe(1);
    expect(weeks[3].weekStart <= dayOffset(0) && dayOffset(0) <= weeks[3].weekEnd).toBe(true);
    expect(weeks.map((w) => w.count)).toEqual([0, 0, 0, 1]);
    expect((await get(deptB, '/dashboard/closures-weekly')).body).toHaveLength(12);
    const bad = await request(http)
      .get('/api/v1/dashboard/closures-weekly?weeks=0')
      .set(deptA.auth)
      .expect(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('to-do of a department: its open items, due soonest first, with days left', async () => {
    const a = (await get(deptA, '/todo')).body;
    expect(a.total).toBe(3);
    expect(a.groups).toHaveLength(1);
    expect(a.groups[0]).toMatchObject({ key: 'my_items', label: '本单位待办整改事项', count: 3 });
    expect(a.groups[0].items.map((i: { id: string }) => i.id).sort()).toEqual(
      [rid(evalA, 1), rid(evalA, 2), rid(evalA, 4)].sort(),
    );
    for (const item of a.groups[0].items)
      expect(item).toMatchObject({
        unitId: deptA.unitId,
        deadline: dayOffset(-20),
        daysLeft: -20,
      });

    const b = (await get(deptB, '/todo')).body;
    expect(b.total).toBe(4);
    const days = b.groups[0].items.map((i: { daysLeft: number }) => i.daysLeft);
    expect(days).toEqual([5, 5, 5, 5]);
    expect(b.groups[0].items.every((i: { unitId: number }) => i.unitId === deptB.unitId)).toBe(true);
  });

  it('to-do of a reviewer, a leader and an auditor', async () => {
    const r = (await get(reviewer, '/todo')).body;
    const group = (key: string) =>
      (r.groups as { key: string; items: { id: string; statusLabel: string }[] }[]).find(
        (g) => g.key === key,
      )!;
    expect(r.groups.map((g: { key: string }) => g.key)).toEqual([
      'plans_to_approve',
      'submissions_to_review',
      'extensions_to_decide',
    ]);
    expect(group('plans_to_approve').items.find((i) => i.id === rid(evalA, 1))?.statusLabel).toBe('方案待审');
    expect(group('submissions_to_review').items.find((i) => i.id === rid(evalA, 2))?.statusLabel).toBe(
      '待认定',
    );
    expect(group('extensions_to_decide').items.map((i) => i.id)).toContain(rid(evalB, 1));
    expect(group('plans_to_approve').items.map((i) => i.id)).not.toContain(rid(evalA, 3));

    const l = (await get(leader, '/todo')).body;
    expect(l.groups.map((g: { key: string }) => g.key)).toEqual(['escalated']);
    const escalated = (l.groups[0].items as { id: string; escalationLevel: number }[]).filter((i) =>
      i.id.includes(evalA),
    );
    // Exactly A's open items at 约谈 or above, as the ledger lists them.
    const atInterview = (await get(deptA, '/rectifications', { status: OPEN, minEscalationLevel: 3 })).body
      .items as { id: string }[];
    expect(escalated.map((i) => i.id).sort()).toEqual(atInterview.map((i) => i.id).sort());
    expect(escalated.every((i) => i.escalationLevel >= 3)).toBe(true);
    expect(l.groups[0].items.map((i: { id: string }) => i.id)).not.toContain(rid(evalB, 1));

    expect((await get(auditor, '/todo')).body).toEqual({ total: 0, groups: [] });
  });
});
