import * as iconv from 'iconv-lite';
import { ImportError } from '../model/import-error';
import { parseFeedbackForm } from '../parser/parse-feedback-form';
import { parseFixture, readFixture, SEED_FIXTURE } from '../testing/fixtures.testing';
import { DEFAULT_MAX_BYTES, extractText } from './extract-text';

async function expectImportError(promise: Promise<unknown>, code: string): Promise<ImportError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  const importError = error as ImportError;
  expect(importError.code).toBe(code);
  // Chinese reason first, English hint after it.
  expect(importError.message).toMatch(/[\u4e00-\u9fa5]/);
  expect(importError.message).toMatch(/\([A-Z][^)]*[a-z]{3,}[^)]*\)/);
  return importError;
}

/** Deterministic bytes so a failing case can be replayed. */
function pseudoRandomBytes(length: number, seed: number): Buffer {
  const out = Buffer.alloc(length);
  let x = seed >>> 0;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

describe('extractText — plain text encodings', () => {
  const seed = readFixture(SEED_FIXTURE);

  it('reads UTF-8', async () => {
    const doc = await extractText(Buffer.from(seed, 'utf8'));
    expect(doc).toEqual({ text: seed, format: 'txt', encoding: 'utf-8', ocr: false, pages: null });
  });

  it('reads UTF-8 with a BOM and drops the BOM', async () => {
    const doc = await extractText(
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(seed, 'utf8')]),
    );
    expect(doc.text).toBe(seed);
    expect(doc.encoding).toBe('utf-8');
  });

  it.each(['gb18030', 'gbk'])('detects %s and parses exactly like the UTF-8 original', async (encoding) => {
    const doc = await extractText(iconv.encode(seed, encoding), { filename: 'seed.txt' });
    expect(doc.encoding).toBe('gb18030');
    expect(doc.format).toBe('txt');
    expect(doc.text).toBe(seed);
    expect(parseFeedbackForm(doc.text)).toEqual(parseFixture(SEED_FIXTURE));
  });

  it('detects GBK in a variation that mixes full-width and half-width punctuation', async () => {
    const original = readFixture('variations/punctuation-mixed-width.txt');
    const doc = await extractText(iconv.encode(original, 'gbk'));
    expect(doc.encoding).toBe('gb18030');
    expect(doc.text).toBe(original);
  });

  it.each([
    ['utf-16le', Buffer.from([0xff, 0xfe])],
    ['utf-16be', Buffer.from([0xfe, 0xff])],
  ])('reads %s with a BOM', async (encoding, bom) => {
    const doc = await extractText(Buffer.concat([bom, iconv.encode(seed, encoding)]));
    expect(doc.encoding).toBe(encoding);
    expect(doc.text).toBe(seed);
  });

  it('reads UTF-16LE without a BOM when every other byte is NUL', async () => {
    const text = '评价分值\t80.08\t评价结论\t良\n'.repeat(5);
    const doc = await extractText(iconv.encode(text, 'utf-16le'));
    expect(doc).toEqual({ text, format: 'txt', encoding: 'utf-16le', ocr: false, pages: null });
  });

  it('rejects Big5 text decoded as GB18030 gibberish as UNKNOWN_ENCODING', async () => {
    await expectImportError(extractText(iconv.encode(seed, 'big5')), 'UNKNOWN_ENCODING');
  });

  it('rejects a broken UTF-8 file that claims UTF-8 with a BOM', async () => {
    const broken = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(seed, 'utf8').subarray(0, 50),
      Buffer.from([0xc3, 0x28]),
    ]);
    await expectImportError(extractText(broken), 'UNKNOWN_ENCODING');
  });
});

describe('extractText — rejected inputs', () => {
  it('0 bytes → EMPTY_FILE', async () => {
    await expectImportError(extractText(Buffer.alloc(0)), 'EMPTY_FILE');
  });

  it('whitespace only (including full-width spaces) → EMPTY_FILE', async () => {
    await expectImportError(extractText(Buffer.from(' \n\t\r\n\u3000 ', 'utf8')), 'EMPTY_FILE');
  });

  it('bigger than maxBytes → TOO_LARGE, naming the sizes', async () => {
    const error = await expectImportError(
      extractText(Buffer.alloc(2048, 0x41), { maxBytes: 1024 }),
      'TOO_LARGE',
    );
    expect(error.message).toContain('2048');
    expect(DEFAULT_MAX_BYTES).toBe(20 * 1024 * 1024);
  });

  it.each([
    [
      'ELF executable',
      Buffer.concat([Buffer.from('7f454c46020101000000000000000000', 'hex'), Buffer.alloc(64, 0)]),
    ],
    ['Windows executable', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62, 0), Buffer.from('PE\0\0')])],
    ['gzip archive', Buffer.concat([Buffer.from('1f8b0800000000000003', 'hex'), pseudoRandomBytes(200, 3)])],
    ['NUL bytes in text', Buffer.from('评价分值\u0000\u0000\u000080', 'utf8')],
    ['random bytes', pseudoRandomBytes(4096, 42)],
    ['random bytes (other seed)', pseudoRandomBytes(333, 7)],
    [
      'zip that is not a Word document',
      Buffer.concat([Buffer.from('504b0304', 'hex'), Buffer.from('some/file.bin'), Buffer.alloc(40, 1)]),
    ],
  ])('%s → BINARY_FILE', async (_name, bytes) => {
    await expectImportError(extractText(bytes), 'BINARY_FILE');
  });

  it('a damaged PDF → READ_FAILED', async () => {
    const error = await expectImportError(
      extractText(Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n', 'latin1'), {
        filename: 'report.pdf',
      }),
      'READ_FAILED',
    );
    expect(error.message).toContain('PDF');
  });

  it.each([
    ['PNG image', Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')],
    [
      'JPEG image',
      Buffer.concat([Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex'), Buffer.alloc(64, 7)]),
    ],
  ])('%s with OCR switched off → NO_TEXT_LAYER saying how to enable OCR', async (_label, bytes) => {
    const error = await expectImportError(extractText(bytes, { ocr: { enabled: false } }), 'NO_TEXT_LAYER');
    expect(error.message).toContain('tesseract-ocr-chi-sim');
  });

  it.each([
    ['legacy .doc', Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(512, 0)])],
    [
      '.xlsx',
      Buffer.concat([
        Buffer.from('504b0304', 'hex'),
        Buffer.from('[Content_Types].xml xl/workbook.xml'),
        Buffer.alloc(40, 1),
      ]),
    ],
    ['RTF', Buffer.from('{\\rtf1\\ansi 评价}', 'utf8')],
  ])('%s → UNSUPPORTED_FORMAT', async (_name, bytes) => {
    await expectImportError(extractText(bytes), 'UNSUPPORTED_FORMAT');
  });

  it('a corrupt .docx → READ_FAILED', async () => {
    const bytes = Buffer.concat([
      Buffer.from('504b0304', 'hex'),
      Buffer.from('word/document.xml'),
      pseudoRandomBytes(300, 9),
    ]);
    await expectImportError(extractText(bytes, { filename: 'form.docx' }), 'READ_FAILED');
  });
});

describe('extractText — HTML', () => {
  it('reads the HTML fixture: cells TAB-separated, scripts/styles/comments dropped', async () => {
    const doc = await extractText(Buffer.from(readFixture('variations/format-web-page.html'), 'utf8'), {
      filename: 'format-web-page.html',
    });
    expect(doc.format).toBe('html');
    expect(doc.encoding).toBe('utf-8');
    expect(doc.text).toContain('评价组织机构\t昌江区财政局\t项目主管部门\t昌江区城市管理局');
    expect(doc.text).toContain('项目单位名称\t昌江区市政排水管理所\t项目起止时间');
    expect(doc.text).not.toMatch(/这不是问题|注释中的问题|color: red|<\/?\w+/);
    expect(doc.text).toContain('“城市看海”');

    const r = parseFeedbackForm(doc.text);
    expect(r.evaluation).toMatchObject({
      title: '昌江区2023年城区排水防涝项目绩效评价结果反馈表',
      projectName: '昌江区2023年城区排水防涝项目',
      organizer: '昌江区财政局',
      supervisingDepartment: '昌江区城市管理局',
      projectUnit: '昌江区市政排水管理所',
      projectPeriod: '2023年1月-12月',
      evaluator: '江西中信会计师事务所有限公司',
      evaluationPeriod: '2024年5月-6月',
      score: 81.25,
      grade: '良',
      budget: 1800,
      allocated: 1600,
      spent: 1520,
      executionRate: 95,
    });
    expect(r.findings.map((f) => [f.title, f.recommendationSeq])).toEqual([
      ['排水管网普查不全面，部分老旧管网底数不清', 1],
      ['易涝点整治进度滞后，“城市看海”现象仍有发生', 2],
    ]);
    expect(r.findings[1].points).toEqual([
      { label: '', text: '具体为：', details: ['整治项目开工晚', '施工组织不合理。'] },
    ]);
    expect(r.recommendations.map((x) => x.title)).toEqual([
      '开展排水管网全面普查，建立管网信息系统',
      '加快易涝点整治进度，合理组织施工',
    ]);
    expect(r.warnings).toEqual([]);
  });

  it('decodes a GBK page from its <meta charset>, recognised by content without a filename', async () => {
    const html = readFixture('variations/format-web-page.html').replace(
      '<meta charset="utf-8">',
      '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">',
    );
    const doc = await extractText(iconv.encode(html, 'gbk'));
    expect(doc.format).toBe('html');
    expect(doc.encoding).toBe('gb18030');
    expect(parseFeedbackForm(doc.text).findings).toHaveLength(2);
  });

  it('keeps a .txt with stray <p> tags as text (tabs intact)', async () => {
    const doc = await extractText(Buffer.from(readFixture(SEED_FIXTURE)), { filename: 'seed.txt' });
    expect(doc.format).toBe('txt');
    expect(doc.text).toContain('评价组织机构\t景德镇市财政局');
  });
});
