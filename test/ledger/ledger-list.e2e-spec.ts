import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import request from 'supertest';
import { LEDGER_SORTS, LedgerExportService } from '../../libs/ledger/src';
import { createUnit, createUserAndLogin, TestAccount } from '../support/auth';
import { startTestStack, TestStack } from '../support/test-stack';
import { dayOffset, Http, importSeed, issueSeed, rid, step } from './rectification-http';

interface Item {
  id: string;
  findingSeq: number;
  status: string;
  typeLabel: string;
  updatedAt: string;
  currentDeadline: string;
  unit: { id: number };
}

/**
 * GET /rectifications on one issued seed evaluation spread over a department (D), its project unit (P) and an
 * unrelated department (O): every filter, both orders of every sort, paging, unit scoping per role, and the
 * strict query validation. The shared test database holds other files' items too, so bureau queries filter by
 * this evaluation; department accounts are fresh and see only what this file issued to them.
 */
describe('ledger list (GET /rectifications)', () => {
  let stack: TestStack;
  let http: Http;
  let reviewer: TestAccount;
  let deptUser: TestAccount;
  let deptLeader: TestAccount;
  let projectUser: TestAccount;
  let otherDept: TestAccount;
  let evaluationId: string;
  const far = dayOffset(1200);

  const list = async (who: TestAccount, query: Record<string, unknown> = {}) => {
    const res = await request(http).get('/api/v1/rectifications').query(query).set(who.auth).expect(200);
    return res.body as { items: Item[]; total: number; page: number; pageSize: number };
  };
  const seqs = async (query: Record<string, unknown>, who: TestAccount = reviewer) =>
    (await list(who, { evaluationId, sort: 'findingSeq', ...query })).items.map((i) => i.findingSeq);

  beforeAll(async () => {
    stack = await startTestStack();
    http = stack.api.getHttpServer();
    reviewer = await createUserAndLogin(stack, { role: 'bureau_reviewer' });
    deptUser = await createUserAndLogin(stack, { role: 'dept_user' });
    deptLeader = await createUserAndLogin(stack, { role: 'dept_leader', unitId: deptUser.unitId });
    const projectUnit = await createUnit(stack, { kind: 'project_unit', parentId: deptUser.unitId });
    projectUser = await createUserAndLogin(stack, { role: 'dept_user', unitId: projectUnit.id });
    otherDept = await createUserAndLogin(stack, { role: 'dept_user' });
    evaluationId = await importSeed(http, reviewer);
    await issueSeed(http, reviewer, evaluationId, {
      deliveryDate: dayOffset(0),
      unitId: deptUser.unitId,
      overrides: [
        { seq: 2, unitId: projectUnit.id, type: 'immediate' },
        { seq: 3, deadlineRule: { kind: 'date', date: far } },
        { seq: 4, unitId: otherDept.unitId, type: 'continuous' },
      ],
    });
    await step(http, deptUser, rid(evaluationId, 1), 'acknowledge').expect(200);
  });
  afterAll(() => stack?.close());

  it('answers rows with labels, the evaluation, the unit and links', async () => {
    const page = await list(reviewer, { evaluationId, sort: 'findingSeq' });
    expect(page).toMatchObject({ total: 4, page: 1, pageSize: 50 });
    expect(page.items[0]).toEqual({
      id: rid(evaluationId, 1),
      evaluation: {
        id: evaluationId,
        title: '景德镇市财政支出绩效评价结果反馈表',
        projectName: '2023年工业发展专项资金项目',
        score: 80.08,
        grade: '良',
      },
      findingSeq: 1,
      findingTitle: '预算绩效管理待完善，预算编制依据不全面',
      status: 'acknowledged',
      statusLabel: '已签收',
      type: 'deadline',
      typeLabel: '限期整改',
      unit: { id: deptUser.unitId, name: expect.stringMatching(/^测试单位/) },
      responsiblePerson: null,
      originalDeadline: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      currentDeadline: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      reboundOf: null,
      extensionCount: 0,
      overdue: false,
      overdueDays: 0,
      escalationLevel: 0,
      escalationLabel: '无',
      maxEscalationLevel: 0,
      maxEscalationLabel: '无',
      deadlineProvisional: false,
      evidenceCount: 0,
      lastReviewResult: null,
      lastReviewLabel: null,
      closedAt: null,
      updatedAt: expect.any(String),
      repeatFinding: false,
      links: {
        self: `/api/v1/rectifications/${rid(evaluationId, 1)}`,
        evaluation: `/api/v1/evaluations/${evaluationId}`,
        evidence: `/api/v1/rectifications/${rid(evaluationId, 1)}/evidence`,
      },
    });
    expect(page.items[1].typeLabel).toBe('立行立改');
  });

  it('filters by status (one or many), type, unit subtree, deadline range, overdue, escalation level and text', async () => {
    expect(await seqs({ status: 'acknowledged' })).toEqual([1]);
    expect(await seqs({ status: 'issued,acknowledged' })).toEqual([1, 2, 3, 4]);
    expect(await seqs({ status: ['issued', 'closed'] })).toEqual([2, 3, 4]);
    expect(await seqs({ type: 'immediate' })).toEqual([2]);
    expect(await seqs({ type: 'continuous,immediate' })).toEqual([2, 4]);
    expect(await seqs({ unitId: deptUser.unitId })).toEqual([1, 2, 3]); // the department and its project unit
    expect(await seqs({ unitId: projectUser.unitId })).toEqual([2]);
    expect(await seqs({ unitId: otherDept.unitId })).toEqual([4]);
    expect(await seqs({ deadlineFrom: dayOffset(1000) })).toEqual([3]);
    expect(await seqs({ deadlineTo: dayOffset(1000) })).toEqual([1, 2, 4]);
    expect(await seqs({ deadlineFrom: far, deadlineTo: far })).toEqual([3]);
    expect(await seqs({ overdue: false })).toEqual([1, 2, 3, 4]);
    expect(await seqs({ overdue: 'true' })).toEqual([]);
    expect(await seqs({ escalationLevel: 0 })).toEqual([1, 2, 3, 4]);
    expect(await seqs({ minEscalationLevel: 1 })).toEqual([]);
    expect(await seqs({ q: '贷款贴息' })).toHaveLength(1);
    expect(await seqs({ q: '工业发展专项资金' })).toEqual([1, 2, 3, 4]); // the project name
    expect(await seqs({ q: '%' })).toEqual([]); // a literal percent sign, not a wildcard
  });

  it('sorts by each key in both directions, ties broken by id, and pages', async () => {
    expect(await seqs({ order: 'desc' })).toEqual([4, 3, 2, 1]);
    const byDeadline = (await list(reviewer, { evaluationId, sort: 'deadline' })).items;
    expect(byDeadline.map((i) => i.currentDeadline)).toEqual(
      [...byDeadline.map((i) => i.currentDeadline)].sort(),
    );
    expect(byDeadline[3].findingSeq).toBe(3);
    expect(
      (await list(reviewer, { evaluationId, sort: 'deadline', order: 'desc' })).items[0].findingSeq,
    ).toBe(3);
    const byStatus = (await list(reviewer, { evaluationId, sort: 'status' })).items;
    expect(byStatus.map((i) => i.status)).toEqual(['issued', 'issued', 'issued', 'acknowledged']); // lifecycle order
    // updatedAt is compared as stored; the projection's UPDATEs store it to the second (see the report), so only
    // the order itself is checked here, not which item changed last.
    const byUpdated = (await list(reviewer, { evaluationId, sort: 'updatedAt', order: 'desc' })).items;
    expect(byUpdated.map((i) => i.updatedAt)).toEqual(
      [...byUpdated.map((i) => i.updatedAt)].sort().reverse(),
    );
    expect((await list(reviewer, { evaluationId, sort: 'escalationLevel' })).total).toBe(4);

    const first = await list(reviewer, { evaluationId, sort: 'findingSeq', pageSize: 3 });
    const second = await list(reviewer, { evaluationId, sort: 'findingSeq', pageSize: 3, page: 2 });
    expect(first).toMatchObject({ total: 4, page: 1, pageSize: 3 });
    expect([...first.items, ...second.items].map((i) => i.findingSeq)).toEqual([1, 2, 3, 4]);
    expect((await list(reviewer, { evaluationId, page: 9 })).items).toEqual([]);
  });

  it('scopes by unit: dept_user its unit, dept_leader its subtree, other departments nothing of it', async () => {
    expect((await list(deptUser)).items.map((i) => i.findingSeq)).toEqual([1, 3]); // default order: deadline, and 3's is far
    expect((await list(deptLeader, { sort: 'findingSeq' })).items.map((i) => i.findingSeq)).toEqual([
      1, 2, 3,
    ]);
    expect((await list(projectUser)).items.map((i) => i.findingSeq)).toEqual([2]);
    expect((await list(otherDept)).items.map((i) => i.findingSeq)).toEqual([4]);
    expect(await list(deptUser, { unitId: otherDept.unitId })).toMatchObject({ items: [], total: 0 });
  });

  it('rejects unknown and malformed parameters with field-level messages, and anonymous callers', async () => {
    const bad = async (query: Record<string, unknown>) =>
      Object.keys(
        (await request(http).get('/api/v1/rectifications').query(query).set(reviewer.auth).expect(400)).body
          .error.details.fields,
      );
    expect(await bad({ foo: 1 })).toEqual(['foo']);
    expect(await bad({ pageSize: 201 })).toEqual(['pageSize']);
    expect(await bad({ page: 0, status: 'bogus', overdue: 'maybe' })).toEqual(
      expect.arrayContaining(['page', 'status', 'overdue']),
    );
    expect(await bad({ deadlineFrom: '2026-02-30', deadlineTo: '2026/12/01' })).toEqual([
      'deadlineFrom',
      'deadlineTo',
    ]);
    expect(await bad({ sort: 'title', order: 'up' })).toEqual(['sort', 'order']);
    expect(await bad({ evaluationId: 'not-a-uuid', escalationLevel: 5, unitId: 'x' })).toEqual(
      expect.arrayContaining(['evaluationId', 'escalationLevel', 'unitId']),
    );
    await request(http).get('/api/v1/rectifications').expect(401);
  });

  it('serves export.xlsx (not taken for an item id by GET /rectifications/:id), with the same filters and no paging', async () => {
    const res = await request(http)
      .get('/api/v1/rectifications/export.xlsx')
      .query({ evaluationId })
      .set(reviewer.auth)
      .expect(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const bad = await request(http)
      .get('/api/v1/rectifications/export.xlsx')
      .query({ page: 1, status: 'nope' })
      .set(reviewer.auth)
      .expect(400);
    expect(Object.keys(bad.body.error.details.fields).sort()).toEqual(['page', 'status']);
    await request(http).get('/api/v1/rectifications/export.xlsx').expect(401);
    await request(http)
      .get(`/api/v1/rectifications/${rid(evaluationId, 1)}`)
      .set(reviewer.auth)
      .expect(200);
  });

  it('exports in keyset batches exactly the rows, in the order, the list shows — for every sort, both ways, ties included', async () => {
    const exporter = stack.api.get(LedgerExportService);
    for (const sort of LEDGER_SORTS)
      for (const order of ['asc', 'desc'] as const) {
        const listed = (await list(reviewer, { evaluationId, sort, order })).items.map((i) => i.findingSeq);
        const ledger = await exporter.open(reviewer.user, { evaluationId, sort, order }, { batchSize: 1 });
        const sink = new PassThrough();
        const chunks: Buffer[] = [];
        sink.on('data', (c: Buffer) => chunks.push(c));
        expect(await ledger.writeTo(sink)).toEqual({ rows: 4, aborted: false });
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ExcelJS.Buffer);
        const exported: number[] = [];
        workbook
          .getWorksheet('整改台账')!
          .eachRow((row, n) => n > 2 && exported.push(Number(String(row.getCell(4).value).split('.')[0])));
        expect({ sort, order, exported }).toEqual({ sort, order, exported: listed });
      }
  });

  it('stops reading rows when the client goes away mid-download', async () => {
    const exporter = stack.api.get(LedgerExportService);
    const ledger = await exporter.open(
      reviewer.user,
      { evaluationId, sort: 'findingSeq', order: 'asc' },
      { batchSize: 1 },
    );
    const sink = new PassThrough({ highWaterMark: 1 });
    sink.once('data', () => sink.destroy());
    const result = await ledger.writeTo(sink);
    expect(result.aborted).toBe(true);
    expect(result.rows).toBeLessThan(4);
  });
});
