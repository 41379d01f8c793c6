import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { docxBomb } from '../../libs/importer/src/format/zip-bomb.testing';
import { createUserAndLogin, TestAccount } from '../support/auth';
import { ROOT } from '../support/test-config';
import { startTestStack, TestStack } from '../support/test-stack';
import { importFile, rowsOf } from './evaluation-fixtures';

const FORMATS = join(ROOT, 'libs', 'importer', 'fixtures', 'formats');

/** A committed fixture made unique (a trailing comment the readers ignore), as the test database persists. */
function unique(name: string): Buffer {
  return Buffer.concat([readFileSync(join(FORMATS, name)), Buffer.from(`\n%${randomUUID()}\n`)]);
}

/** PDF and .doc through the API, with the extracted text kept for GET /evaluations/:id/source-text. */
describe('POST /api/v1/evaluations/import — PDF, .doc, scans and bombs', () => {
  let stack: TestStack;
  let reviewer: TestAccount;

  beforeAll(async () => {
    // OCR pointed at a program that does not exist: the refusal path, on any machine.
    stack = await startTestStack({
      worker: false,
      overrides: { IMPORT_OCR_COMMAND: '/nonexistent/tesseract' },
    });
    reviewer = await createUserAndLogin(stack, { role: 'bureau_reviewer' });
  });
  afterAll(() => stack?.close());

  it('imports a PDF with a text layer and keeps its text, format and pages', async () => {
    const res = await importFile(
      stack,
      reviewer.auth,
      unique('evaluation-report.pdf'),
      '评价报告.pdf',
      'application/pdf',
    ).expect(201);
    expect(res.body.evaluation).toMatchObject({ organizer: '景德镇市财政局', score: 76.4, grade: '中' });
    expect(res.body.evaluation.sourceDocument).toMatchObject({ format: 'pdf', encoding: null });
    expect(res.body.findings.map((f: { title: string }) => f.title)).toEqual([
      '项目立项评审机制不完善',
      '项目过程管理薄弱',
      '成果转化率偏低',
    ]);
    const text = await request(stack.api.getHttpServer())
      .get(`/api/v1/evaluations/${res.body.evaluation.id}/source-text`)
      .set(reviewer.auth)
      .expect(200);
    expect(text.body).toMatchObject({ format: 'pdf', ocr: false, pages: 1 });
    expect(text.body.text).toContain('（二）项目过程管理薄弱。中期检查流于形式');
    const download = await request(stack.api.getHttpServer())
      .get(`/api/v1/evaluations/${res.body.evaluation.id}/source`)
      .set(reviewer.auth)
      .expect(200);
    expect(download.headers['content-type']).toBe('application/pdf');
  });

  it('imports a Word 97–2003 .doc, told by content whatever its name', async () => {
    const res = await importFile(stack, reviewer.auth, unique('seed-feedback-form.doc'), '反馈表.txt').expect(
      201,
    );
    expect(res.body.evaluation).toMatchObject({
      projectUnit: '景德镇市工业和信息化局',
      score: 80.08,
      grade: '良',
    });
    expect(res.body.evaluation.sourceDocument.format).toBe('doc');
    expect(res.body.findings).toHaveLength(4);
  });

  it('refuses a scanned PDF with 422 NO_TEXT_LAYER saying how to enable OCR, writing nothing', async () => {
    const before = await rowsOf(stack.api.get(DataSource), reviewer.user.id);
    const res = await importFile(
      stack,
      reviewer.auth,
      unique('scanned-feedback-form.pdf'),
      '扫描件.pdf',
      'application/pdf',
    ).expect(422);
    expect(res.body.error).toMatchObject({ code: 'UNPROCESSABLE', details: { reason: 'NO_TEXT_LAYER' } });
    expect(res.body.error.message).toContain('没有可提取的文字层');
    expect(res.body.error.message).toContain('tesseract-ocr-chi-sim');
    expect(await rowsOf(stack.api.get(DataSource), reviewer.user.id)).toEqual(before);
  });

  it('refuses a .docx bomb (120 MB document.xml in ~120 KB) with 413 before reading it, writing nothing', async () => {
    const before = await rowsOf(stack.api.get(DataSource), reviewer.user.id);
    const bomb = docxBomb(120);
    expect(bomb.length).toBeLessThan(200 * 1024);
    const rss = process.memoryUsage().rss;
    const res = await importFile(
      stack,
      reviewer.auth,
      bomb,
      'bomb.docx',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ).expect(413);
    expect(res.body.error).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      details: { reason: 'DECOMPRESSED_TOO_LARGE' },
    });
    expect(res.body.error.message).toContain('解压后超过上限 64 MB');
    // The API (in this process) inflated at most the 64 MB budget, not the 120 MB (nor mammoth's ~600 MB).
    expect(process.memoryUsage().rss - rss).toBeLessThan(150 * 1024 * 1024);
    expect(await rowsOf(stack.api.get(DataSource), reviewer.user.id)).toEqual(before);
  });
});
