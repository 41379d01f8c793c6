import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { createUnit, createUserAndLogin, dataSourceOf, TestAccount, TestUnit } from '../support/auth';
import { eventually, startTestStack, TestStack } from '../support/test-stack';
import { dayOffset, Http, importSeed, issueSeed, rid, step } from '../ledger/rectification-http';

/** An evaluation issued a year earlier, written as the projection leaves it: findings and their items. */
async function seedEarlier(db: DataSource, items: { unitId: number; title: string }[]): Promise<string> {
  const id = randomUUID();
  const issuedAt = new Date(Date.now() - 365 * 86400000);
  await db.query(
    `INSERT INTO evaluation (id, status, title, projectName, score, grade, warnings, departmentUnitId, issuedAt)
     VALUES (?, 'issued', '上年度评价', '上年度工业发展专项资金项目', 78, '中', '[]', ?, ?)`,
    [id, items[0].unitId, issuedAt],
  );
  for (const [i, item] of items.entries()) {
    await db.query(`INSERT INTO finding (evaluationId, seq, title, text, points) VALUES (?, ?, ?, ?, '[]')`, [
      id,
      i + 1,
      item.title,
      item.title,
    ]);
    await db.query(
      `INSERT INTO rectification (id, evaluationId, findingSeq, findingTitle, status, type, unitId, originalDeadline,
         currentDeadline, currentDeadlineAt, issuedAt, state, lastEventSeq)
       VALUES (?, ?, ?, ?, 'closed', 'deadline', ?, '2025-06-30', '2025-06-30', '2025-06-30 15:59:59', ?, '{}', 1)`,
      [rid(id, i + 1), id, i + 1, item.title, item.unitId, issuedAt],
    );
  }
  return id;
}

/**
 * 屡查屡犯 through the real issuing path: last year the department had the seed's first problem (reworded) and
 * its project unit another problem; this year the seed is issued to the project unit. The reworded problem is
 * flagged with a link to last year's item (found through the parent); the other problems are not.
 */
describe('屡查屡犯 (repeat findings across years)', () => {
  let stack: TestStack;
  let http: Http;
  let reviewer: TestAccount;
  let department: TestUnit;
  let project: TestUnit;
  let earlierId: string;
  let evaluationId: string;

  beforeAll(async () => {
    stack = await startTestStack();
    http = stack.api.getHttpServer();
    const db = dataSourceOf(stack);
    reviewer = await createUserAndLogin(stack, { role: 'bureau_reviewer' });
    department = await createUnit(stack);
    project = await createUnit(stack, { kind: 'project_unit', parentId: department.id });
    earlierId = await seedEarlier(db, [
      { unitId: department.id, title: '预算编制依据不够全面，预算绩效管理有待完善' },
      { unitId: project.id, title: '专项资金存在挤占挪用情况' },
    ]);
    evaluationId = await importSeed(http, reviewer);
    const draft = await request(http)
      .get(`/api/v1/evaluations/${evaluationId}`)
      .set(reviewer.auth)
      .expect(200);
    // The unit is not known at import: nothing is flagged yet.
    expect((draft.body.findings as { repeatOf: unknown }[]).every((f) => f.repeatOf === null)).toBe(true);
    await issueSeed(http, reviewer, evaluationId, { deliveryDate: dayOffset(0), unitId: project.id });
  });
  afterAll(() => stack?.close());

  it('flags the reworded problem with a link to the earlier one, and not the others', async () => {
    const detail = await request(http)
      .get(`/api/v1/evaluations/${evaluationId}`)
      .set(reviewer.auth)
      .expect(200);
    const findings = detail.body.findings as {
      seq: number;
      title: string;
      repeatOf: Record<string, unknown> | null;
    }[];
    expect(findings[0].title).toBe('预算绩效管理待完善，预算编制依据不全面');
    expect(findings[0].repeatOf).toEqual({
      evaluationId: earlierId,
      findingSeq: 1,
      rectificationId: rid(earlierId, 1),
      similarity: expect.any(Number),
    });
    expect(findings[0].repeatOf!.similarity as number).toBeGreaterThanOrEqual(0.5);
    expect(findings.slice(1).map((f) => f.repeatOf)).toEqual([null, null, null]);
  });

  it('flags a draft once its header names the unit, and clears it when the header names another', async () => {
    // A unit with only last year's items: the draft is compared with them alone.
    const other = await createUnit(stack);
    const lastYear = await seedEarlier(dataSourceOf(stack), [
      { unitId: other.id, title: '预算编制依据不够全面，预算绩效管理有待完善' },
    ]);
    const draftId = await importSeed(http, reviewer);
    const patch = (projectUnit: string) =>
      request(http)
        .patch(`/api/v1/evaluations/${draftId}`)
        .set(reviewer.auth)
        .send({ projectUnit })
        .expect(200);
    const named = (await patch(other.name)).body.findings as { repeatOf: unknown }[];
    expect(named[0].repeatOf).toEqual({
      evaluationId: lastYear,
      findingSeq: 1,
      rectificationId: rid(lastYear, 1),
      similarity: expect.any(Number),
    });
    expect(named.slice(1).map((f) => f.repeatOf)).toEqual([null, null, null]);
    const cleared = (await patch('某个未登记的单位')).body.findings as { repeatOf: unknown }[];
    expect(cleared.map((f) => f.repeatOf)).toEqual([null, null, null, null]);
  });

  it('shows the flag in the ledger rows', async () => {
    const res = await request(http)
      .get('/api/v1/rectifications')
      .query({ evaluationId, sort: 'findingSeq', order: 'asc' })
      .set(reviewer.auth)
      .expect(200);
    const items = res.body.items as { findingSeq: number; repeatFinding: boolean }[];
    expect(items.map((i) => [i.findingSeq, i.repeatFinding])).toEqual([
      [1, true],
      [2, false],
      [3, false],
      [4, false],
    ]);
    // Last year's items are not repeats of anything earlier.
    const earlier = await request(http)
      .get('/api/v1/rectifications')
      .query({ evaluationId: earlierId })
      .set(reviewer.auth)
      .expect(200);
    expect((earlier.body.items as { repeatFinding: boolean }[]).map((i) => i.repeatFinding)).toEqual([
      false,
      false,
    ]);
  });

  it('counts it in 结果应用 for the department', async () => {
    const year = Number(dayOffset(0).slice(0, 4));
    const res = await request(http)
      .get('/api/v1/results-application')
      .query({ year })
      .set(reviewer.auth)
      .expect(200);
    const row = (res.body.rows as { unitId: number; repeatFindings: number; problems: number }[]).find(
      (r) => r.unitId === department.id,
    );
    expect(row).toMatchObject({ problems: 4, repeatFindings: 1 });
  });

  // Last: moves this year's first item away from the unit and its history.
  it('recomputes the flag when the item is reassigned to a unit without that history', async () => {
    const elsewhere = await createUnit(stack);
    await step(http, reviewer, rid(evaluationId, 1), 'reassign', {
      unitId: elsewhere.id,
      reason: '职责调整',
    }).expect(200);
    const flag = async () =>
      (
        (await request(http).get(`/api/v1/evaluations/${evaluationId}`).set(reviewer.auth).expect(200)).body
          .findings as { repeatOf: unknown }[]
      )[0].repeatOf;
    await eventually(async () => (await flag()) === null, 60_000, 300);
    const row = await request(http)
      .get('/api/v1/rectifications')
      .query({ evaluationId, sort: 'findingSeq', order: 'asc' })
      .set(reviewer.auth)
      .expect(200);
    expect(row.body.items[0]).toMatchObject({ unit: { id: elsewhere.id }, repeatFinding: false });
  });
});
