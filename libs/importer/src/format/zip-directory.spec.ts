import { Document, Packer, Paragraph } from 'docx';
import { ImportError } from '../model/import-error';
import { extractText } from './extract-text';
import { checkZipBudget, zipEntryNames } from './zip-directory';
import { docxBomb, writeZip } from './zip-bomb.testing';

const MB = 1024 * 1024;

async function importErrorOf(promise: Promise<unknown>): Promise<ImportError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

describe('docx bomb (decompressed size and entry count capped before reading)', () => {
  const bomb = docxBomb(120);
  const liar = docxBomb(120, true);

  it('the generated bomb is the probe’s: ~100 KB on disk, 120 MB inflated', () => {
    expect(bomb.length).toBeLessThan(200 * 1024);
    expect(zipEntryNames(bomb)).toEqual(['[Content_Types].xml', 'word/document.xml']);
  });

  it.each([
    ['declaring its real size', bomb],
    ['lying about its size in the headers', liar],
  ])('a .docx bomb %s is refused with DECOMPRESSED_TOO_LARGE and a Chinese reason', async (_label, bytes) => {
    const rssBefore = process.memoryUsage().rss;
    const error = await importErrorOf(extractText(bytes, { filename: 'bomb.docx' }));
    expect(error.code).toBe('DECOMPRESSED_TOO_LARGE');
    expect(error.message).toContain('解压后超过上限 64 MB');
    expect(error.message).toContain('word/document.xml');
    // Inflating stops at the budget: far below the 120 MB (and the ~600 MB mammoth took) of reading it.
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(100 * MB);
  });

  it('counts every entry against one budget, and caps the number of entries', () => {
    const many = writeZip(
      Array.from({ length: 30 }, (_, i) => ({ name: `p${i}.xml`, data: Buffer.alloc(MB, 0x41) })),
    );
    expect(checkZipBudget(many, { maxTotalBytes: 20 * MB, maxEntries: 100 })).toMatchObject({
      ok: false,
      reason: 'SIZE',
    });
    expect(checkZipBudget(many, { maxTotalBytes: 64 * MB, maxEntries: 10 })).toMatchObject({
      ok: false,
      reason: 'ENTRIES',
      entries: 11,
    });
    expect(checkZipBudget(many, { maxTotalBytes: 64 * MB, maxEntries: 100 })).toEqual({
      ok: true,
      entries: 30,
      totalBytes: 30 * MB,
    });
  });

  it('a real .docx passes and is read', async () => {
    const docx = await Packer.toBuffer(
      new Document({
        sections: [{ children: [new Paragraph('评价分值\t80.08'), new Paragraph('存在的问题')] }],
      }),
    );
    expect(checkZipBudget(docx, { maxTotalBytes: 64 * MB, maxEntries: 2000 }).ok).toBe(true);
    const doc = await extractText(docx);
    expect(doc.text).toContain('存在的问题');
  });

  it('a tighter configured budget applies', async () => {
    const error = await importErrorOf(extractText(docxBomb(3), { zipBudget: { maxTotalBytes: 2 * MB } }));
    expect(error.code).toBe('DECOMPRESSED_TOO_LARGE');
    expect(error.message).toContain('2 MB');
  });
});
