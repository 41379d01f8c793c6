import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import request from 'supertest';
import { AuditLogEntity } from '../../libs/persistence/src/entities/audit-log.entity';
import { EvidenceFileEntity } from '../../libs/persistence/src/entities/evidence-file.entity';
import { createUserAndLogin, dataSourceOf, TestAccount } from '../support/auth';
import { startTestStack, TestStack } from '../support/test-stack';
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
} from '../ledger/rectification-http';
import { elfBinary, minimalPdf, ofdZip, windowsExe } from './evidence-fixtures';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Every file under a folder, relative: what the store wrote to disk. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1));
}

/**
 * Evidence upload, list and download over HTTP with tiny limits (2 KB per file, 4 KB per request) so the 413s are
 * cheap: content-based types (415 for an executable named .pdf), sizes, names, access, 409 without leftovers,
 * idempotent retries, and the download's headers and bytes.
 */
describe('evidence (佐证材料) upload, list and download', () => {
  let stack: TestStack;
  let http: Http;
  let reviewer: TestAccount;
  let dept: TestAccount;
  let colleague: TestAccount;
  let otherDept: TestAccount;
  let evaluationId: string;
  let open: string; // 整改中: takes evidence
  let notYet: string; // 已下发: evidence is refused by the workflow (409)

  const rows = (rectificationId: string) =>
    dataSourceOf(stack).getRepository(EvidenceFileEntity).countBy({ rectificationId });

  beforeAll(async () => {
    stack = await startTestStack({
      overrides: { UPLOAD_MAX_FILE_BYTES: '2048', UPLOAD_MAX_REQUEST_BYTES: '4096' },
    });
    http = stack.api.getHttpServer();
    reviewer = await createUserAndLogin(stack, { role: 'bureau_reviewer' });
    dept = await createUserAndLogin(stack, { role: 'dept_user' });
    colleague = await createUserAndLogin(stack, { role: 'dept_user', unitId: dept.unitId });
    otherDept = await createUserAndLogin(stack, { role: 'dept_user' });
    evaluationId = await importSeed(http, reviewer);
    await issueSeed(http, reviewer, evaluationId, { deliveryDate: dayOffset(0), unitId: dept.unitId });
    open = rid(evaluationId, 1);
    notYet = rid(evaluationId, 2);
    await toInProgress(http, dept, reviewer, open);
  });
  afterAll(() => stack?.close());

  it('refuses by content: an executable named .pdf, an ELF, and anything not on the list (415 naming the type)', async () => {
    const exe = await uploadEvidence(http, dept, open, [
      { name: '整改报告.pdf', bytes: windowsExe() },
    ]).expect(415);
    expect(exe.body.error).toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      details: { reason: 'EXECUTABLE', detectedType: 'exe', file: '整改报告.pdf' },
    });
    expect(exe.body.error.message).toContain('Windows 可执行程序');
    const elf = await uploadEvidence(http, dept, open, [{ name: 'scan.pdf', bytes: elfBinary() }]).expect(
      415,
    );
    expect(elf.body.error.details).toMatchObject({ reason: 'EXECUTABLE', detectedType: 'elf' });
    const text = await uploadEvidence(http, dept, open, [
      { name: '说明.pdf', bytes: Buffer.from('只是文字') },
    ]).expect(415);
    expect(text.body.error.details).toMatchObject({ reason: 'TYPE_NOT_ALLOWED', detectedType: 'unknown' });
    // one bad file spoils the request: nothing of it is kept
    await uploadEvidence(http, dept, open, [
      { name: 'a.pdf', bytes: minimalPdf('a') },
      { name: 'b.pdf', bytes: windowsExe() },
    ]).expect(415);
    expect(await rows(open)).toBe(0);
  });

  it('enforces the per-file and per-request limits (413) before keeping anything', async () => {
    const big = Buffer.concat([minimalPdf('big'), Buffer.alloc(3000, 0x20)]);
    const file = await uploadEvidence(http, dept, open, [{ name: '大文件.pdf', bytes: big }]).expect(413);
    expect(file.body.error).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      details: { reason: 'FILE_TOO_LARGE', limit: 2048 },
    });
    const pad = (n: string) =>
      Buffer.concat([minimalPdf(n), Buffer.alloc(1500 - minimalPdf(n).length, 0x20)]);
    const request3 = await uploadEvidence(
      http,
      dept,
      open,
      ['1', '2', '3'].map((n) => ({ name: `${n}.pdf`, bytes: pad(n) })),
    ).expect(413);
    expect(request3.body.error.details).toMatchObject({ reason: 'REQUEST_TOO_LARGE', limit: 4096 });
    const declared = await uploadEvidence(http, dept, open, [
      { name: 'x.pdf', bytes: Buffer.alloc(80 * 1024) },
    ]).expect(413);
    expect(declared.body.error.details.reason).toMatch(/TOO_LARGE/);
    expect(await rows(open)).toBe(0);
  });

  it('validates the form: files, description, effective date, no unknown fields, multipart only', async () => {
    const pdf = [{ name: 'a.pdf', bytes: minimalPdf('form') }];
    const missing = await uploadEvidence(http, dept, open, pdf, { description: '' }).expect(400);
    expect(Object.keys(missing.body.error.details.fields)).toEqual(
      expect.arrayContaining(['description', 'effectiveDate']),
    );
    const badDate = await uploadEvidence(http, dept, open, pdf, {
      description: 'x',
      effectiveDate: '2026-02-30',
    }).expect(400);
    expect(Object.keys(badDate.body.error.details.fields)).toEqual(['effectiveDate']);
    const extra = await uploadEvidence(http, dept, open, pdf, {
      description: 'x',
      effectiveDate: '2026-12-01',
      unitId: '9',
    }).expect(400);
    expect(Object.keys(extra.body.error.details.fields)).toEqual(['unitId']);
    const none = await uploadEvidence(http, dept, open, []).expect(400);
    expect(none.body.error.details.fields).toHaveProperty('files');
    const wrongField = await request(http)
      .post(`/api/v1/rectifications/${open}/evidence`)
      .set(dept.auth)
      .field('description', 'x')
      .field('effectiveDate', '2026-12-01')
      .attach('file', minimalPdf(), 'a.pdf')
      .expect(400);
    expect(wrongField.body.error.details.reason).toBe('LIMIT_UNEXPECTED_FILE');
    await request(http)
      .post(`/api/v1/rectifications/${open}/evidence`)
      .set(dept.auth)
      .send({ description: 'x', effectiveDate: '2026-12-01' })
      .expect(415);
    expect(await rows(open)).toBe(0);
  });

  it('checks access before reading the body: 404 for another unit, 403 for the bureau', async () => {
    await uploadEvidence(http, otherDept, open, [{ name: 'a.pdf', bytes: minimalPdf('other') }]).expect(404);
    await uploadEvidence(http, otherDept, 'rectification-nope-1', [
      { name: 'a.pdf', bytes: minimalPdf('x') },
    ]).expect(404);
    await uploadEvidence(http, reviewer, open, [{ name: 'a.pdf', bytes: minimalPdf('bureau') }]).expect(403);
    expect(await rows(open)).toBe(0);
  });

  it('leaves no evidence_file rows when the workflow refuses the step (409)', async () => {
    const refused = await uploadEvidence(http, dept, notYet, [
      { name: '过早.pdf', bytes: minimalPdf('early') },
    ]).expect(409);
    expect(refused.body.error.message).toBe('当前状态为「已下发」，不能上传佐证材料');
    expect(await rows(notYet)).toBe(0);
  });

  it('stores several files with Chinese names, neutralises path traversal, and stays inside the store', async () => {
    const report = minimalPdf('report');
    const traversal = minimalPdf('traversal');
    const ofd = ofdZip();
    const res = await uploadEvidence(
      http,
      dept,
      open,
      [
        { name: '整改报告（盖章版）.pdf', bytes: report },
        { name: '../../etc/passwd.pdf', bytes: traversal },
        { name: '电子发票.ofd', bytes: ofd },
      ],
      { description: '整改报告、制度与发票', effectiveDate: '2026-12-20' },
    ).expect(200);
    expect(res.body.evidence).toHaveLength(1);
    expect(res.body.evidence[0].files.map((f: { name: string }) => f.name)).toEqual([
      '整改报告（盖章版）.pdf',
      'passwd.pdf',
      '电子发票.ofd',
    ]);

    const list = await request(http)
      .get(`/api/v1/rectifications/${open}/evidence`)
      .set(colleague.auth)
      .expect(200);
    expect(
      list.body.items.map((f: { name: string; sha256: string; detectedType: string }) => [
        f.name,
        f.sha256,
        f.detectedType,
      ]),
    ).toEqual([
      ['整改报告（盖章版）.pdf', sha256(report), 'pdf'],
      ['passwd.pdf', sha256(traversal), 'pdf'],
      ['电子发票.ofd', sha256(ofd), 'ofd'],
    ]);
    expect(list.body.items[0].evidence).toMatchObject({
      description: '整改报告、制度与发票',
      effectiveDate: '2026-12-20',
      addedBy: { userId: dept.user.id },
    });
    const stored = await filesUnder(stack.config.storage.dir);
    expect(stored.filter((f) => !f.startsWith('tmp'))).toEqual(
      expect.arrayContaining(
        [sha256(report), sha256(traversal), sha256(ofd)].map((h) =>
          join('sha256', h.slice(0, 2), h.slice(2, 4), h),
        ),
      ),
    );
    expect(stored.every((f) => /^(sha256|tmp)\//.test(f))).toBe(true);
    expect(await rows(open)).toBe(3);

    const entry = await dataSourceOf(stack)
      .getRepository(AuditLogEntity)
      .findOneByOrFail({ entityId: open, action: 'rectification.addEvidence' });
    expect(entry).toMatchObject({
      actorId: dept.user.id,
      entityType: 'rectification',
      ip: expect.any(String),
    });
    expect(JSON.stringify(entry.payload)).not.toContain('%PDF');
  });

  it('downloads with the right headers and the exact bytes; 404 for another unit, an unknown file, or a refused upload', async () => {
    const list = await request(http)
      .get(`/api/v1/rectifications/${open}/evidence`)
      .set(reviewer.auth)
      .expect(200);
    const report = list.body.items[0];
    const res = await getBinary(http, reviewer, report.links.download).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-length']).toBe(String(report.size));
    expect(res.headers['x-content-sha256']).toBe(report.sha256);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="${'_'.repeat(9)}.pdf"; filename*=UTF-8''${encodeURIComponent('整改报告（盖章版）')}.pdf`,
    );
    expect(sha256(res.body as Buffer)).toBe(report.sha256);

    await getBinary(http, otherDept, report.links.download).expect(404);
    await request(http).get(`/api/v1/rectifications/${open}/evidence`).set(otherDept.auth).expect(404);
    await getBinary(http, dept, `/api/v1/rectifications/${open}/evidence/999999999/download`).expect(404);
    // a file id of another item is not served through this one
    await getBinary(http, dept, `/api/v1/rectifications/${notYet}/evidence/${report.id}/download`).expect(
      404,
    );
  });

  it('applies a retried upload (same Idempotency-Key) once, without duplicate rows', async () => {
    const before = await rows(open);
    const bytes = minimalPdf('retry');
    const first = await uploadEvidence(
      http,
      dept,
      open,
      [{ name: '补充材料.pdf', bytes }],
      undefined,
      'evidence-retry-0001',
    ).expect(200);
    const again = await uploadEvidence(
      http,
      dept,
      open,
      [{ name: '补充材料.pdf', bytes }],
      undefined,
      'evidence-retry-0001',
    ).expect(200);
    expect(again.body.evidence).toEqual(first.body.evidence);
    expect(await rows(open)).toBe(before + 1);
    const list = await request(http)
      .get(`/api/v1/rectifications/${open}/evidence`)
      .set(dept.auth)
      .expect(200);
    expect(list.body.items.filter((f: { name: string }) => f.name === '补充材料.pdf')).toHaveLength(1);
    await step(http, dept, open, 'submit', { account: '已完成' }).expect(200);
  });
});
