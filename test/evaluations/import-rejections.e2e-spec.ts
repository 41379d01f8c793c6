import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createUserAndLogin, TestAccount } from '../support/auth';
import { startTestStack, TestStack } from '../support/test-stack';
import { importFile, importText, RowCounts, rowsOf, seedVariant, smallForm } from './evaluation-fixtures';

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6300010000050001' +
    '0d0a2db40000000049454e44ae426082',
  'hex',
);

/** Bad input gets a 4xx with a reason, and nothing is written: no row, no stored blob. */
describe('POST /api/v1/evaluations/import — bad input', () => {
  let stack: TestStack;
  let admin: TestAccount;
  let before: RowCounts;

  beforeAll(async () => {
    // A small limit, so that "too large" needs no 20 MB upload; the seed (≈ 9 KB) is over it.
    // OCR off: an image is then refused (NO_TEXT_LAYER) whatever is installed on the machine.
    stack = await startTestStack({
      worker: false,
      overrides: { IMPORT_MAX_BYTES: '2048', IMPORT_OCR_ENABLED: 'false' },
    });
    admin = await createUserAndLogin(stack, { role: 'bureau_reviewer' });
    before = await rowsOf(stack.api.get(DataSource), admin.user.id);
  });
  afterAll(() => stack?.close());

  afterEach(async () => {
    expect(await rowsOf(stack.api.get(DataSource), admin.user.id)).toEqual(before);
  });

  it.each([
    ['an empty file', Buffer.alloc(0), 'empty.txt', 400, 'BAD_REQUEST', 'EMPTY_FILE'],
    ['a whitespace-only file', Buffer.from(' \n\t\n  '), 'blank.txt', 400, 'BAD_REQUEST', 'EMPTY_FILE'],
    ['an image while OCR is off', PNG, '反馈表.txt', 422, 'UNPROCESSABLE', 'NO_TEXT_LAYER'],
    [
      'a damaged PDF',
      Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n'),
      'a.pdf',
      400,
      'BAD_REQUEST',
      'READ_FAILED',
    ],
    [
      'a spreadsheet',
      Buffer.from('504b0304140000000000' + '00'.repeat(16) + '0f000000786c2f776f726b626f6f6b2e786d6c', 'hex'),
      'a.xlsx',
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      'UNSUPPORTED_FORMAT',
    ],
    [
      'bytes in no known encoding',
      Buffer.from([0x81, 0x30, 0xff, 0xfe, 0x80, 0x81, 0x82, 0xa0, 0xff, 0x41]).subarray(0, 10),
      'x.txt',
      400,
      'BAD_REQUEST',
      'UNKNOWN_ENCODING',
    ],
    [
      'text that is no feedback form',
      Buffer.from('今天天气很好，我们去公园散步。\n晚上吃饺子。\n', 'utf8'),
      'diary.txt',
      422,
      'UNPROCESSABLE',
      'NO_STRUCTURE',
    ],
  ])('rejects %s', async (_what, content, name, status, code, reason) => {
    const res = await importFile(stack, admin.auth, content, name).expect(status);
    expect(res.body.error).toMatchObject({ code, details: { reason } });
    expect(res.body.error.message).toEqual(expect.any(String));
  });

  it('rejects a file over IMPORT_MAX_BYTES with 413 before reading it all', async () => {
    const res = await importFile(stack, admin.auth, Buffer.from(seedVariant(), 'utf8'), '大文件.txt').expect(
      413,
    );
    expect(res.body.error).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      details: { reason: 'TOO_LARGE', maxBytes: 2048 },
    });
  });

  it('applies the same limit to JSON text', async () => {
    const res = await importText(stack, admin.auth, seedVariant()).expect(413);
    expect(res.body.error).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      details: { reason: 'TOO_LARGE', maxBytes: 2048 },
    });
  });

  it('rejects empty and unstructured JSON text', async () => {
    const empty = await importText(stack, admin.auth, '').expect(400);
    expect(empty.body.error.details.reason).toBe('EMPTY_FILE');
    const prose = await importText(stack, admin.auth, '这是一段与绩效评价无关的文字。').expect(422);
    expect(prose.body.error.details.reason).toBe('NO_STRUCTURE');
  });

  it('rejects a request without a document, with two, or of another content type', async () => {
    const http = stack.api.getHttpServer();
    const none = await request(http).post('/api/v1/evaluations/import').set(admin.auth).send({}).expect(400);
    expect(none.body.error.details.reason).toBe('NO_DOCUMENT');
    const both = await request(http)
      .post('/api/v1/evaluations/import')
      .set(admin.auth)
      .field('text', smallForm())
      .attach('file', Buffer.from(smallForm()), 'a.txt')
      .expect(400);
    expect(both.body.error.details.reason).toBe('AMBIGUOUS_INPUT');
    const wrongField = await request(http)
      .post('/api/v1/evaluations/import')
      .set(admin.auth)
      .attach('document', Buffer.from(smallForm()), 'a.txt')
      .expect(400);
    expect(wrongField.body.error.details.reason).toBe('LIMIT_UNEXPECTED_FILE');
    const plain = await request(http)
      .post('/api/v1/evaluations/import')
      .set(admin.auth)
      .set('Content-Type', 'text/plain')
      .send(smallForm())
      .expect(415);
    expect(plain.body.error.details.reason).toBe('CONTENT_TYPE');
    const extra = await request(http)
      .post('/api/v1/evaluations/import')
      .set(admin.auth)
      .send({ text: 'x', extra: 1 })
      .expect(400);
    expect(extra.body.error.code).toBe('VALIDATION_FAILED');
  });

  // Last: the file is stored only after it parsed, so none of the inputs above left a blob behind.
  it('stored no file for any rejected input', async () => {
    const blobs = await readdir(join(stack.config.storage.dir, 'sha256')).catch(
      (err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? [] : Promise.reject(err)),
    );
    expect(blobs).toEqual([]);
  });
});
