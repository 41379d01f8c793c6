import request from 'supertest';
import { HolidayCalendarProvider, resolveDeadline, WorkingDayCalendar } from '../../libs/calendar/src';
import { createUserAndLogin, dataSourceOf, TestAccount } from '../support/auth';
import { dayOffset, Http, importSeed, issueSeed, rid } from '../ledger/rectification-http';
import { eventually, startTestStack, TestStack } from '../support/test-stack';

/**
 * Issue 10 §2: a working-day deadline running into a year whose 放假/调休 arrangement is not loaded counts
 * weekends only and is provisional; loading the year (admin API) recomputes it and moves the item's timers.
 */
describe('provisional deadlines and loading a holiday year', () => {
  const YEAR = 2027;
  let stack: TestStack;
  let http: Http;
  let admin: TestAccount;
  let reviewer: TestAccount;
  let dept: TestAccount;

  const forget = async () => {
    await dataSourceOf(stack).query('DELETE FROM calendar_year WHERE year = ?', [YEAR]);
    await stack.api.get(HolidayCalendarProvider).reload();
  };

  beforeAll(async () => {
    stack = await startTestStack();
    http = stack.api.getHttpServer();
    await forget(); // a previous run of this file loaded it
    admin = await createUserAndLogin(stack, { role: 'bureau_admin' });
    reviewer = await createUserAndLogin(stack, { role: 'bureau_reviewer' });
    dept = await createUserAndLogin(stack, { role: 'dept_user' });
  });
  afterAll(async () => {
    if (stack) await forget();
    await stack?.close();
  });

  const put = (who: TestAccount, body: object, year = YEAR) =>
    request(http).put(`/api/v1/admin/calendar/years/${year}`).set(who.auth).send(body);

  it('validates a year (dates within it, 调休 on weekends) and lets only the administrator load one', async () => {
    const outside = await put(admin, { holidays: ['2026-12-31'], workdays: [] }).expect(400);
    expect(outside.body.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: '放假日期（holidays）中的 2026-12-31 不在 2027 年内',
    });
    const weekday = await put(admin, { holidays: [], workdays: ['2027-02-15'] }).expect(400);
    expect(weekday.body.error.message).toBe('调休上班日 2027-02-15 不是周六或周日');
    await put(reviewer, { holidays: [], workdays: [] }).expect(403);
    const listed = await request(http).get('/api/v1/admin/calendar/years').set(admin.auth).expect(200);
    expect(listed.body.years.map((y: { year: number }) => y.year)).toContain(2026);
    expect(listed.body.years.map((y: { year: number }) => y.year)).not.toContain(YEAR);
  });

  it('issues 30 working days now as provisional, then loading 2027 with a holiday in the span moves it', async () => {
    const evaluationId = await importSeed(http, reviewer);
    const today = dayOffset(0);
    await issueSeed(http, reviewer, evaluationId, {
      deliveryDate: today,
      unitId: dept.unitId,
      deadlineRule: { kind: 'working_days', days: 30 },
    });
    const id = rid(evaluationId, 1);
    const before = await request(http).get(`/api/v1/rectifications/${id}`).set(reviewer.auth).expect(200);
    expect(before.body.deadline).toMatchObject({ provisional: true });
    const provisionalDate: string = before.body.deadline.current;
    expect(provisionalDate.startsWith(`${YEAR}-`)).toBe(true);
    const ledger = await request(http)
      .get('/api/v1/rectifications')
      .query({ evaluationId, sort: 'findingSeq' })
      .set(reviewer.auth)
      .expect(200);
    expect(ledger.body.items.every((i: { deadlineProvisional: boolean }) => i.deadlineProvisional)).toBe(
      true,
    );

    // A holiday on the first weekday of 2027 lies inside every span ending in 2027.
    const loaded = { holidays: [`${YEAR}-01-01`, `${YEAR}-01-04`], workdays: [] };
    const res = await put(admin, loaded).expect(200);
    expect(res.body.year).toMatchObject({ year: YEAR, origin: 'admin' });
    // The PUT recomputes every open provisional item in the database — other suites' too, whose workers may be
    // gone (those wait out their timeout and are reported as failed): this suite's four must all go through.
    const ours = [1, 2, 3, 4].map((seq) => rid(evaluationId, seq));
    expect((res.body.failed as string[]).filter((f) => ours.includes(f))).toEqual([]);
    expect(res.body.recomputed).toBeGreaterThanOrEqual(ours.length);
    const expected = resolveDeadline(
      today,
      { kind: 'working_days', days: 30 },
      WorkingDayCalendar.default().withYears([
        {
          year: YEAR,
          source: 'test',
          holidays: loaded.holidays.map((date) => ({ date, name: '放假' })),
          workdays: [],
        },
      ]),
    );
    expect(expected > provisionalDate).toBe(true);

    const after = await eventually(
      async () => {
        const r = await request(http).get(`/api/v1/rectifications/${id}`).set(reviewer.auth);
        return r.body.deadline?.provisional === false ? r.body : null;
      },
      90_000,
      500,
    );
    expect(after.deadline.current).toBe(expected);
    // The workflow holds the new instant: every pending timer (reminders, overdue, ladder) counts from it.
    const current = after.state.deadlines[after.state.deadlines.length - 1];
    expect(current).toMatchObject({ date: expected, provisional: false, version: 1 });
    expect(Date.parse(current.at)).toBeGreaterThan(Date.parse(before.body.state.deadlines[0].at));
    expect(after.timeline.map((e: { action: string }) => e.action)).toContain('deadline_recalculated');
    const row = await eventually(
      async () => {
        const l = await request(http)
          .get('/api/v1/rectifications')
          .query({ evaluationId })
          .set(reviewer.auth);
        return l.body.items?.every((i: { deadlineProvisional: boolean }) => !i.deadlineProvisional)
          ? l.body
          : null;
      },
      90_000,
      500,
    );
    expect(row.items[0].currentDeadline).toBe(expected);

    const [audit] = await dataSourceOf(stack).query(
      `SELECT actorId FROM audit_log WHERE action = 'calendar.year.put' AND entityId = ? ORDER BY id DESC LIMIT 1`,
      [String(YEAR)],
    );
    expect(audit.actorId).toBe(admin.user.id);
  });
});
