import ExcelJS from 'exceljs';
import { createUserAndLogin, dataSourceOf, TestAccount } from '../support/auth';
import { eventually, startTestStack, TestStack } from '../support/test-stack';
import { minimalPdf } from '../evidence/evidence-fixtures';
import {
  dayOffset,
  getBinary,
  Http,
  importSeed,
  issueSeed,
  rid,
  step,
  toInProgress,
  uploadEvidence,
} from './rectification-http';

const SEQS = [1, 2, 3];
const extended = (seq: number) => dayOffset(900 + seq);

/**
 * The printed ledger over several rows: three findings each taken through 签收 → 方案 → 批准 → 延期 → 佐证材料 →
 * 提交 → 认定 → 销号 over HTTP, then the export read back with exceljs cell by cell. Every one of the 16 columns
 * must be filled on every row — MariaDB's `[last]` JSON path used to leave 整改措施, 认定结果 and 进展 empty on all
 * rows but the first, which a one-row export never shows.
 */
describe('ledger export: every column of every row', () => {
  let stack: TestStack;
  let http: Http;
  let reviewer: TestAccount;
  let reviewer2: TestAccount;
  let dept: TestAccount;
  let evaluationId: string;

  beforeAll(async () => {
    stack = await startTestStack();
    http = stack.api.getHttpServer();
    reviewer = await createUserAndLogin(stack, { role: 'bureau_reviewer' });
    reviewer2 = await createUserAndLogin(stack, { role: 'bureau_reviewer', unitId: reviewer.unitId });
    dept = await createUserAndLogin(stack, { role: 'dept_user' });
    evaluationId = await importSeed(http, reviewer);
    await issueSeed(http, reviewer, evaluationId, { deliveryDate: dayOffset(0), unitId: dept.unitId });
    for (const seq of SEQS) {
      const id = rid(evaluationId, seq);
      await toInProgress(http, dept, reviewer, id);
      await step(http, dept, id, 'extensions', {
        reason: `第${seq}项涉及跨年度预算调整，需提交党组会审议后实施`,
        newDeadline: extended(seq),
      }).expect(200);
      await step(http, reviewer, id, 'extensions/decision', { approve: true, comment: '同意延期' }).expect(
        200,
      );
      await uploadEvidence(http, dept, id, [{ name: `第${seq}项整改报告.pdf`, bytes: minimalPdf('整改') }], {
        description: `第${seq}项整改报告`,
        effectiveDate: dayOffset(-1),
      }).expect(200);
      await step(http, dept, id, 'submit', { account: `第${seq}项已按方案完成整改` }).expect(200);
      await step(http, reviewer2, id, 'review', {
        result: 'rectified',
        comment: `第${seq}项同意销号`,
      }).expect(200);
    }
    // The review's response comes from the workflow; the read model follows through the projection activity.
    await eventually(async () => {
      const [row] = (await dataSourceOf(stack).query(
        `SELECT COUNT(*) AS n FROM rectification WHERE evaluationId = ? AND status = 'closed'`,
        [evaluationId],
      )) as { n: string }[];
      return Number(row.n) === SEQS.length;
    });
  });
  afterAll(() => stack?.close());

  it('fills all 16 columns on each of several rows with that row’s own plan, deadlines, progress, evidence and review', async () => {
    const res = await getBinary(http, reviewer, '/api/v1/rectifications/export.xlsx', {
      evaluationId,
      status: 'closed',
      sort: 'findingSeq',
    }).expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as ExcelJS.Buffer);
    const rows: ExcelJS.Row[] = [];
    workbook.getWorksheet('整改台账')!.eachRow((row, n) => n > 2 && rows.push(row));
    expect(rows).toHaveLength(SEQS.length);

    rows.forEach((row, i) => {
      const seq = SEQS[i];
      const cells = Array.from({ length: 16 }, (_, c) => row.getCell(c + 1).value);
      const empty = cells.map((v, c) => (v === null || v === '' ? c + 1 : 0)).filter(Boolean);
      expect({ seq, empty }).toEqual({ seq, empty: [] });
      const day = (v: unknown) => (v as Date).toISOString().slice(0, 10);
      expect(cells[0]).toBe(i + 1);
      expect(cells[1]).toBe('2023年工业发展专项资金项目');
      expect(cells[2]).toBe('80.08 / 良');
      expect(String(cells[3])).toMatch(new RegExp(`^${seq}\\. `));
      expect(cells[4]).toBe('限期整改');
      expect(cells[5]).toBe(`1. 修订绩效目标编制办法（${dayOffset(60)}前）`);
      expect(cells[6]).toMatch(/^测试单位/);
      expect(cells[7]).toBe('张三');
      expect(cells[8]).toBeInstanceOf(Date);
      expect(day(cells[9])).toBe(extended(seq));
      expect(cells[10]).toBe(`已销号\n整改情况（${dayOffset(0)}）：第${seq}项已按方案完成整改`);
      expect(cells[11]).toBe(
        `共 1 个文件\n第${seq}项整改报告（生效 ${dayOffset(-1)}）：第${seq}项整改报告.pdf`,
      );
      expect(cells[12]).toBe(`已整改：第${seq}项同意销号`);
      expect(day(cells[13])).toBe(dayOffset(0));
      expect(cells[14]).toBe('否');
      expect(cells[15]).toBe('无');
    });
  });

  it('keeps the ledger columns in step with the state they were copied from', async () => {
    const rows = (await dataSourceOf(stack).query(
      `SELECT state, ledgerPlan, ledgerEvidence, ledgerReview, ledgerSubmission, ledgerProgress
         FROM rectification WHERE evaluationId = ? ORDER BY findingSeq`,
      [evaluationId],
    )) as Record<string, string | object | null>[];
    const json = (v: string | object | null) => (typeof v === 'string' ? JSON.parse(v) : v);
    for (const r of rows) {
      const s = json(r.state);
      expect(json(r.ledgerPlan)).toEqual(s.plans.at(-1) ?? null);
      expect(json(r.ledgerEvidence)).toEqual(s.evidence.length ? s.evidence : null);
      expect(json(r.ledgerReview)).toEqual(s.reviews.at(-1) ?? null);
      expect(json(r.ledgerSubmission)).toEqual(s.submissions.at(-1) ?? null);
      expect(json(r.ledgerProgress)).toEqual(s.progressReports.at(-1) ?? null);
    }
    expect(rows.filter((r) => r.ledgerReview !== null)).toHaveLength(SEQS.length);
  });
});
