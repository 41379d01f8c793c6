import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import request from 'supertest';
import { AuditLogEntity } from '../../libs/persistence/src/entities/audit-log.entity';
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

const HEADERS = [
  '序号',
  '评价项目',
  '评价分值/结论',
  '问题',
  '整改类型',
  '整改措施',
  '责任单位',
  '责任人',
  '整改时限',
  '延期后时限',
  '进展',
  '佐证材料',
  '认定结果',
  '销号日期',
  '是否逾期 / 逾期天数',
  '督办级别',
];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function exportWorkbook(http: Http, who: TestAccount, query: Record<string, unknown>) {
  const res = await getBinary(http, who, '/api/v1/rectifications/export.xlsx', query).expect(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.body as ExcelJS.Buffer);
  const sheet = workbook.getWorksheet('整改台账')!;
  const rows: ExcelJS.Row[] = [];
  sheet.eachRow((row, n) => n > 2 && rows.push(row));
  return { res, sheet, rows };
}

/**
 * The whole department + bureau journey over HTTP on the real seed, ending in the Excel ledger opened and read:
 * import → issue → 签收 → 方案 → 批准 → 佐证材料 (real PDF bytes) → 提交 → 认定 by another reviewer → 销号 → export.
 * Overdue items come from the real path too: an evaluation delivered 40 days ago with a deadline 10 days ago is
 * refused by nothing (a past deadline is legitimate when entering a backlog), so its workflows start overdue and
 * climb the ladder at once — no clock tricks, no direct writes to the read model.
 */
describe('ledger journey: from import to the exported 整改台账', () => {
  let stack: TestStack;
  let http: Http;
  let reviewer: TestAccount;
  let reviewer2: TestAccount;
  let dept: TestAccount;
  let otherDept: TestAccount;
  let journeyId: string;
  let overdueId: string;
  /** the seed's finding titles as the importer reads them */
  let titles: string[];
  const pdf = minimalPdf('整改报告');

  beforeAll(async () => {
    stack = await startTestStack();
    http = stack.api.getHttpServer();
    reviewer = await createUserAndLogin(stack, { role: 'bureau_reviewer' });
    reviewer2 = await createUserAndLogin(stack, { role: 'bureau_reviewer', unitId: reviewer.unitId });
    dept = await createUserAndLogin(stack, { role: 'dept_user' });
    otherDept = await createUserAndLogin(stack, { role: 'dept_user' });
    journeyId = await importSeed(http, reviewer);
    overdueId = await importSeed(http, reviewer);
    const detail = await request(http).get(`/api/v1/evaluations/${journeyId}`).set(reviewer.auth).expect(200);
    titles = detail.body.findings.map((f: { title: string }) => f.title);
    await issueSeed(http, reviewer, journeyId, { deliveryDate: dayOffset(0), unitId: dept.unitId });
    await issueSeed(http, reviewer, overdueId, {
      deliveryDate: dayOffset(-40),
      unitId: dept.unitId,
      deadlineRule: { kind: 'date', date: dayOffset(-10) },
      policy: { escalationOffsetsDays: [1, 5, 60, 90] },
      overrides: [{ seq: 2, unitId: otherDept.unitId }],
      acknowledgePastDeadlines: true,
    });
  });
  afterAll(() => stack?.close());

  it('takes finding 1 through every step to 销号, with evidence whose hash proves what was submitted', async () => {
    const id = rid(journeyId, 1);
    await toInProgress(http, dept, reviewer, id);
    const uploaded = await uploadEvidence(http, dept, id, [{ name: '整改报告（盖章版）.pdf', bytes: pdf }], {
      description: '整改报告及制度文件',
      effectiveDate: dayOffset(-1),
    }).expect(200);
    expect(uploaded.body.evidence).toEqual([
      expect.objectContaining({
        description: '整改报告及制度文件',
        effectiveDate: dayOffset(-1),
        files: [
          expect.objectContaining({
            name: '整改报告（盖章版）.pdf',
            sha256: sha256(pdf),
            size: pdf.length,
            mimeType: 'application/pdf',
          }),
        ],
      }),
    ]);
    const list = await request(http)
      .get(`/api/v1/rectifications/${id}/evidence`)
      .set(reviewer.auth)
      .expect(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({
        name: '整改报告（盖章版）.pdf',
        sha256: sha256(pdf),
        detectedType: 'pdf',
        downloadable: true,
      }),
    ]);
    const download = await getBinary(http, reviewer, list.body.items[0].links.download).expect(200);
    expect(sha256(download.body)).toBe(download.headers['x-content-sha256']);
    expect(download.headers['x-content-sha256']).toBe(sha256(pdf));

    await step(http, dept, id, 'submit', { account: '已按方案修订编制办法并逐项测算' }).expect(200);
    const closed = await step(http, reviewer2, id, 'review', {
      result: 'rectified',
      comment: '同意销号',
    }).expect(200);
    expect(closed.body).toMatchObject({ status: 'closed', closedAt: expect.any(String) });
  });

  it('records every step in the audit log: who, what, which item, from where — and no file contents', async () => {
    const id = rid(journeyId, 1);
    const entries = await dataSourceOf(stack)
      .getRepository(AuditLogEntity)
      .find({ where: { entityType: 'rectification', entityId: id }, order: { id: 'ASC' } });
    expect(entries.map((e) => e.action)).toEqual([
      'rectification.acknowledge',
      'rectification.submitPlan',
      'rectification.approvePlan',
      'rectification.addEvidence',
      'rectification.submit',
      'rectification.review',
    ]);
    expect(entries.map((e) => e.actorName)).toEqual([
      dept.username,
      dept.username,
      reviewer.username,
      dept.username,
      dept.username,
      reviewer2.username,
    ]);
    for (const e of entries) expect(e.ip).toMatch(/127\.0\.0\.1|::1/);
    const evidence = entries[3].payload as { input: { files: object[] }; result: { status: string } };
    expect(evidence.input.files).toEqual([
      {
        fileId: expect.any(Number),
        sha256: sha256(pdf),
        name: '整改报告（盖章版）.pdf',
        size: pdf.length,
        mimeType: 'application/pdf',
      },
    ]);
    expect(JSON.stringify(evidence)).not.toContain('%PDF');
    expect(entries[5].payload).toMatchObject({
      input: { result: 'rectified' },
      result: { status: 'closed' },
    });
  });

  it('shows overdue items as the workflow marked them, with days and escalation level', async () => {
    const items = await eventually(async () => {
      const res = await request(http)
        .get('/api/v1/rectifications')
        .query({ evaluationId: overdueId, overdue: true, sort: 'findingSeq' })
        .set(reviewer.auth);
      return (
        res.body.total === 4 &&
        res.body.items.every((i: { escalationLevel: number }) => i.escalationLevel === 1) &&
        res.body.items
      );
    });
    expect(items[0]).toMatchObject({
      overdue: true,
      overdueDays: 10,
      // Ten days overdue at issuing: 提醒函 now, 督办 only 4 days after it (the policy's gap), never skipped.
      escalationLevel: 1,
      escalationLabel: '提醒函',
      currentDeadline: dayOffset(-10),
    });
  });

  it('exports the ledger as a real Excel file: headers, rows, dates as dates, frozen header, overdue fill', async () => {
    const { res, sheet, rows } = await exportWorkbook(http, reviewer, {
      evaluationId: journeyId,
      sort: 'findingSeq',
    });
    expect(res.headers['content-type']).toBe(XLSX);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="____-${dayOffset(0)}.xlsx"; filename*=UTF-8''${encodeURIComponent(`整改台账-${dayOffset(0)}.xlsx`)}`,
    );
    expect(String(sheet.getCell('A1').value)).toContain('整改台账');
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual(HEADERS);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(rows.map((r) => r.getCell(4).value)).toEqual(titles.map((t, i) => `${i + 1}. ${t}`));
    expect(titles[0]).toBe('预算绩效管理待完善，预算编制依据不全面');
    const first = rows[0];
    expect(first.getCell(1).value).toBe(1);
    expect(first.getCell(2).value).toBe('2023年工业发展专项资金项目');
    expect(first.getCell(3).value).toBe('80.08 / 良');
    expect(first.getCell(5).value).toBe('限期整改');
    expect(String(first.getCell(6).value)).toContain('修订绩效目标编制办法');
    expect(first.getCell(7).value).toMatch(/^测试单位/);
    expect(first.getCell(8).value).toBe('张三');
    expect(first.getCell(9).value).toBeInstanceOf(Date);
    expect(first.getCell(9).numFmt).toBe('yyyy-mm-dd');
    expect(first.getCell(10).value).toBeNull();
    expect(String(first.getCell(11).value)).toMatch(/^已销号/);
    expect(String(first.getCell(12).value)).toContain('整改报告（盖章版）.pdf');
    expect(first.getCell(13).value).toBe('已整改：同意销号');
    expect((first.getCell(14).value as Date).toISOString().slice(0, 10)).toBe(dayOffset(0));
    expect(first.getCell(15).value).toBe('否');
    expect(first.getCell(16).value).toBe('无');
    expect(rows[1].getCell(11).value).toBe('已下发');

    const overdue = await exportWorkbook(http, reviewer, { evaluationId: overdueId, sort: 'findingSeq' });
    expect(overdue.rows).toHaveLength(4);
    for (const row of overdue.rows) {
      expect(row.getCell(15).value).toBe('是（10 天）');
      expect(row.getCell(16).value).toBe('提醒函');
      expect((row.getCell(9).value as Date).toISOString().slice(0, 10)).toBe(dayOffset(-10));
      expect(row.getCell(4).fill).toMatchObject({
        type: 'pattern',
        pattern: 'solid',
        fgColor: { argb: 'FFFFE0E0' },
      });
    }
    expect(rows[0].getCell(4).fill).not.toMatchObject({ pattern: 'solid' });
  });

  it('gives a department only its own units’ rows, in the export as in the list', async () => {
    const own = await exportWorkbook(http, dept, {});
    expect(own.rows).toHaveLength(7); // 4 of the journey evaluation + 3 of the overdue one (finding 2 went elsewhere)
    expect(new Set(own.rows.map((r) => r.getCell(7).value)).size).toBe(1);
    const other = await exportWorkbook(http, otherDept, {});
    expect(other.rows.map((r) => r.getCell(4).value)).toEqual([`2. ${titles[1]}`]);
    const list = await request(http).get('/api/v1/rectifications').set(otherDept.auth).expect(200);
    expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([rid(overdueId, 2)]);
    await getBinary(
      http,
      otherDept,
      `/api/v1/rectifications/${rid(journeyId, 1)}/evidence/1/download`,
    ).expect(404);
  });

  it('records who exported the ledger, from where, with which filters', async () => {
    await getBinary(http, reviewer, '/api/v1/rectifications/export.xlsx', { evaluationId: journeyId }).expect(
      200,
    );
    const exports = await dataSourceOf(stack)
      .getRepository(AuditLogEntity)
      .find({ where: { action: 'rectification.export', actorId: reviewer.user.id } });
    expect(exports.length).toBeGreaterThanOrEqual(1);
    expect(exports[0]).toMatchObject({ entityType: 'ledger', ip: expect.stringMatching(/127\.0\.0\.1|::1/) });
    expect(exports[0].payload).toMatchObject({ filter: { evaluationId: journeyId } });
  });
});
