import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { createUnit, createUserAndLogin, dataSourceOf, TestAccount, TestUnit } from '../support/auth';
import { startTestStack, TestStack } from '../support/test-stack';
import { getBinary, Http } from '../ledger/rectification-http';

/** A year no other test issues into: the fixture's items are written directly with issuedAt in it. */
const YEAR = 2030;

interface SeedItem {
  status: string;
  overdue?: boolean;
  maxEscalationLevel?: number;
  lastReviewResult?: string | null;
  repeat?: boolean;
}

/**
 * Seeds an issued evaluation with one finding and one rectification row per item, as the projection writes them
 * (the rule is about figures, not the journey: the journey's figures are covered by the ledger and report tests).
 */
async function seedEvaluation(
  db: DataSource,
  unitId: number,
  grade: string,
  score: number,
  items: SeedItem[],
): Promise<string> {
  const id = randomUUID();
  const issuedAt = new Date(`${YEAR}-03-10T02:00:00.000Z`);
  await db.query(
    `INSERT INTO evaluation (id, status, title, projectName, score, grade, warnings, departmentUnitId, issuedAt, deliveryDate)
     VALUES (?, 'issued', ?, ?, ?, ?, '[]', ?, ?, ?)`,
    [
      id,
      `评价 ${grade}`,
      `${grade}等级项目 ${id.slice(0, 6)}`,
      score,
      grade,
      unitId,
      issuedAt,
      `${YEAR}-03-10`,
    ],
  );
  for (const [i, item] of items.entries()) {
    const seq = i + 1;
    const repeatOf = item.repeat
      ? JSON.stringify({ evaluationId: randomUUID(), findingSeq: 1, rectificationId: null, similarity: 0.8 })
      : null;
    await db.query(
      `INSERT INTO finding (evaluationId, seq, title, text, points, repeatOf) VALUES (?, ?, ?, ?, '[]', ?)`,
      [id, seq, `问题${seq}`, `问题${seq}的描述`, repeatOf],
    );
    await db.query(
      `INSERT INTO rectification (id, evaluationId, findingSeq, findingTitle, status, type, unitId, originalDeadline,
         currentDeadline, currentDeadlineAt, overdue, escalationLevel, maxEscalationLevel, lastReviewResult,
         issuedAt, state, lastEventSeq, closedAt)
       VALUES (?, ?, ?, ?, ?, 'deadline', ?, ?, ?, ?, ?, ?, ?, ?, ?, '{}', 1, ?)`,
      [
        `rectification-${id}-${seq}`,
        id,
        seq,
        `问题${seq}`,
        item.status,
        unitId,
        `${YEAR}-06-30`,
        `${YEAR}-06-30`,
        new Date(`${YEAR}-06-30T15:59:59.999Z`),
        item.overdue ? 1 : 0,
        item.maxEscalationLevel ?? 0,
        item.maxEscalationLevel ?? 0,
        item.lastReviewResult ?? null,
        issuedAt,
        item.status === 'closed' ? new Date(`${YEAR}-05-01T02:00:00.000Z`) : null,
      ],
    );
  }
  return id;
}

const closed: SeedItem = { status: 'closed' };

describe('结果应用 (per department and year, by the bureau’s rule)', () => {
  let stack: TestStack;
  let http: Http;
  let db: DataSource;
  let admin: TestAccount;
  let reviewer: TestAccount;
  let deptUser: TestAccount;
  const d: Record<'a' | 'b' | 'c' | 'd' | 'e', TestUnit> = {} as never;
  let project: TestUnit;

  const rowsOf = async (who: TestAccount) => {
    const res = await request(http).get('/api/v1/results-application').query({ year: YEAR }).set(who.auth);
    expect(res.status).toBe(200);
    expect(res.body.year).toBe(YEAR);
    return res.body.rows as Record<string, unknown>[];
  };
  const rowFor = (rows: Record<string, unknown>[], unit: TestUnit) => rows.find((r) => r.unitId === unit.id)!;
  const putRule = (who: TestAccount, body: unknown) =>
    request(http)
      .put('/api/v1/results-application/rule')
      .set(who.auth)
      .send(body as object);

  beforeAll(async () => {
    stack = await startTestStack({ worker: false });
    http = stack.api.getHttpServer();
    db = dataSourceOf(stack);
    admin = await createUserAndLogin(stack, { role: 'bureau_admin' });
    reviewer = await createUserAndLogin(stack, { role: 'bureau_reviewer' });
    for (const [k, name] of Object.entries({ a: '甲', b: '乙', c: '丙', d: '丁', e: '戊' }))
      d[k as keyof typeof d] = await createUnit(stack, { name: `${name}局 ${randomUUID().slice(0, 6)}` });
    project = await createUnit(stack, { kind: 'project_unit', parentId: d.b.id });
    deptUser = await createUserAndLogin(stack, { role: 'dept_leader', unitId: d.b.id });
    // 甲: 优, everything closed, one of them a repeat finding → 优先保障
    await seedEvaluation(db, d.a.id, '优', 92, [closed, { status: 'closed', repeat: true }]);
    // 乙: 良 with one item still open, and its project unit's 良 item closed → 正常安排 (not all closed)
    await seedEvaluation(db, d.b.id, '良', 85, [closed, { status: 'in_progress' }]);
    await seedEvaluation(db, project.id, '良', 86, [closed]);
    // 丙: 中, everything closed → 从严审核/调减
    await seedEvaluation(db, d.c.id, '中', 72, [closed, closed]);
    // 丁: 良, but one item overdue at 通报 and one reviewed 未整改; one cancelled → 从严审核/调减
    await seedEvaluation(db, d.d.id, '良', 88, [
      closed,
      { status: 'in_progress', overdue: true, maxEscalationLevel: 4 },
      { status: 'ongoing', lastReviewResult: 'not_rectified', maxEscalationLevel: 2 },
      { status: 'cancelled' },
    ]);
    // 戊: 差 → 调减或取消
    await seedEvaluation(db, d.e.id, '差', 55, [closed]);
  });
  afterAll(async () => {
    await db?.query('DELETE FROM results_application_rule');
    await stack?.close();
  });

  it('gives each department the treatment the default rule says, with its figures and reasons', async () => {
    await db.query('DELETE FROM results_application_rule'); // the shipped defaults
    const rows = await rowsOf(reviewer);
    expect(rowFor(rows, d.a)).toMatchObject({
      unitName: d.a.name,
      problems: 2,
      closed: 2,
      ongoing: 0,
      completionRate: 100,
      repeatFindings: 1,
      treatment: '优先保障',
      reasons: ['评价等级均为「优」', '2个问题全部销号'],
    });
    expect((rowFor(rows, d.a).evaluations as unknown[]).length).toBe(1);
    // The project unit's items count under its department.
    expect(rowFor(rows, d.b)).toMatchObject({
      problems: 3,
      closed: 2,
      ongoing: 1,
      completionRate: 66.7,
      repeatFindings: 0,
      treatment: '正常安排',
      reasons: ['尚有1个问题未销号'],
    });
    expect((rowFor(rows, d.b).evaluations as { grade: string }[]).map((e) => e.grade)).toEqual(['良', '良']);
    expect(rows.some((r) => r.unitId === project.id)).toBe(false);
    expect(rowFor(rows, d.c)).toMatchObject({ treatment: '从严审核/调减', reasons: ['评价等级为「中」'] });
    expect(rowFor(rows, d.d)).toMatchObject({
      problems: 4,
      closed: 1,
      ongoing: 2,
      overdue: 1,
      cancelled: 1,
      completionRate: 33.3,
      highestRung: 4,
      highestRungLabel: '通报',
      treatment: '从严审核/调减',
      reasons: ['1个问题认定为未整改', '1个问题逾期且已升级至通报及以上'],
    });
    expect(rowFor(rows, d.e)).toMatchObject({
      evaluations: [expect.objectContaining({ grade: '差', score: 55 })],
      treatment: '调减或取消',
      reasons: ['评价等级为「差」'],
    });
  });

  it('shows a department only its own row', async () => {
    const rows = await rowsOf(deptUser);
    expect(rows.map((r) => r.unitId)).toEqual([d.b.id]);
    expect(rows[0]).toMatchObject({ problems: 3, treatment: '正常安排' });
  });

  it('changes the outcome when the rule changes, and audits the change', async () => {
    await db.query('DELETE FROM results_application_rule');
    const before = await request(http).get('/api/v1/results-application/rule').set(reviewer.auth).expect(200);
    expect(before.body.priority).toEqual({ label: '优先保障', grades: ['优', '良'], requireAllClosed: true });
    const rule = {
      reduce: { label: '调减或取消', grades: ['差'] },
      strict: { label: '从严审核', grades: [], onNotRectified: false, overdueFromRung: null },
      priority: { label: '优先保障', grades: ['优', '良'], requireAllClosed: false },
      normal: { label: '正常安排' },
    };
    await putRule(reviewer, rule).expect(403);
    const put = await putRule(admin, rule).expect(200);
    expect(put.body).toEqual(rule);
    expect((await request(http).get('/api/v1/results-application/rule').set(admin.auth)).body).toEqual(rule);
    const rows = await rowsOf(reviewer);
    expect(rowFor(rows, d.b)).toMatchObject({ treatment: '优先保障', reasons: ['评价等级均为「良」'] });
    expect(rowFor(rows, d.c)).toMatchObject({
      treatment: '正常安排',
      reasons: ['评价等级为「中」，不全在优先保障等级内'],
    });
    expect(rowFor(rows, d.d)).toMatchObject({ treatment: '优先保障' });
    expect(rowFor(rows, d.e)).toMatchObject({ treatment: '调减或取消' });
    const audit: { action: string; actorId: number; payload: string | Record<string, unknown> }[] =
      await db.query(
        `SELECT action, actorId, payload FROM audit_log WHERE action = 'results_application.rule.put' ORDER BY id DESC LIMIT 1`,
      );
    expect(audit[0].actorId).toBe(admin.user.id);
    const payload = typeof audit[0].payload === 'string' ? JSON.parse(audit[0].payload) : audit[0].payload;
    expect(payload.after).toEqual(rule);
    expect(payload.before.strict.grades).toEqual(['中']);
  });

  it('refuses a bad rule with a Chinese reason and keeps the stored one', async () => {
    const stored = (await request(http).get('/api/v1/results-application/rule').set(admin.auth)).body;
    const bad = await putRule(admin, {
      ...stored,
      reduce: { label: '调减或取消', grades: ['差', '良'] },
    }).expect(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    expect(bad.body.error.message).toBe('评价等级「良」同时出现在调减或取消规则和优先保障规则中');
    const missing = await putRule(admin, { reduce: stored.reduce }).expect(400);
    expect(missing.body.error.code).toBe('VALIDATION_FAILED');
    expect((await request(http).get('/api/v1/results-application/rule').set(admin.auth)).body).toEqual(
      stored,
    );
    const year = await request(http).get('/api/v1/results-application').query({ year: 'x' }).set(admin.auth);
    expect(year.status).toBe(400);
    expect(year.body.error.message).toContain('年度');
  });

  it('exports the same figures to Excel, with Chinese headers', async () => {
    const rows = await rowsOf(reviewer);
    const res = await getBinary(http, reviewer, '/api/v1/results-application/export.xlsx', {
      year: YEAR,
    }).expect(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as ExcelJS.Buffer);
    const sheet = wb.getWorksheet('结果应用')!;
    const headers = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(headers).toEqual([
      '部门',
      '评价项目（得分/等级）',
      '问题数',
      '已销号',
      '整改中',
      '逾期',
      '已撤销',
      '整改完成率（%）',
      '最高督办级别',
      '屡查屡犯',
      '处理建议',
      '理由',
    ]);
    // One sheet row per department row of the API (the shared test database also holds other runs' units, some
    // of the same name, so count rows and look this run's units up by their unique names).
    const read = new Map<string, unknown[]>();
    let dataRows = 0;
    sheet.eachRow((row, n) => {
      if (n <= 2) return;
      dataRows += 1;
      read.set(String(row.getCell(1).value), (row.values as unknown[]).slice(1));
    });
    expect(dataRows).toBe(rows.length);
    for (const unit of Object.values(d)) {
      const r = rowFor(rows, unit);
      const cells = read.get(unit.name)!;
      expect(cells.slice(2)).toEqual([
        r.problems,
        r.closed,
        r.ongoing,
        r.overdue,
        r.cancelled,
        r.completionRate,
        r.highestRungLabel,
        r.repeatFindings,
        r.treatment,
        (r.reasons as string[]).join('；'),
      ]);
    }
    expect(String(read.get(d.e.name)![1])).toContain('（55/差）');
  });
});
