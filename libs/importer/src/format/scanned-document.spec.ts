import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { ImportError } from '../model/import-error';
import { importFeedbackDocument } from '../import-feedback-document';
import { fixturePath } from '../testing/fixtures.testing';
import { extractText } from './extract-text';
import { OCR_WARNING_CODE } from './ocr-provenance';

const scannedPdf = readFileSync(fixturePath('formats/scanned-feedback-form.pdf'));
const scannedJpg = readFileSync(fixturePath('formats/scanned-feedback-form.jpg'));
const tesseractLangs = spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8' });
const ocrInstalled =
  tesseractLangs.status === 0 &&
  `${tesseractLangs.stdout}`.includes('chi_sim') &&
  spawnSync('pdftoppm', ['-v']).status === 0;

async function importErrorOf(promise: Promise<unknown>): Promise<ImportError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

describe('scanned PDF / image without a text layer', () => {
  it('is refused with NO_TEXT_LAYER when the OCR program is not there, saying how to enable OCR', async () => {
    const error = await importErrorOf(
      extractText(scannedPdf, { ocr: { command: '/nonexistent/tesseract' } }),
    );
    expect(error.code).toBe('NO_TEXT_LAYER');
    expect(error.message).toContain('该 PDF 没有可提取的文字层');
    expect(error.message).toContain('找不到「/nonexistent/tesseract」');
    expect(error.message).toContain('apt-get install tesseract-ocr tesseract-ocr-chi-sim poppler-utils');
  });

  it('is refused with NO_TEXT_LAYER when OCR is switched off (an image too)', async () => {
    const error = await importErrorOf(extractText(scannedJpg, { ocr: { enabled: false } }));
    expect(error.code).toBe('NO_TEXT_LAYER');
    expect(error.message).toContain('该图片（JPG）没有可提取的文字层');
    expect(error.message).toContain('服务器未启用文字识别（OCR）');
  });

  it('names a missing language pack or renderer', async () => {
    const lang = await importErrorOf(extractText(scannedPdf, { ocr: { languages: 'chi_sim+zz_missing' } }));
    const renderer = await importErrorOf(
      extractText(scannedPdf, { ocr: { pdftoppmCommand: '/nonexistent/pdftoppm' } }),
    );
    if (ocrInstalled) {
      expect(lang.message).toContain('缺少语言包 zz_missing');
      expect(renderer.message).toContain('pdftoppm（poppler-utils');
    } else {
      expect([lang.code, renderer.code]).toEqual(['NO_TEXT_LAYER', 'NO_TEXT_LAYER']);
    }
  });

  it(
    ocrInstalled
      ? 'is read by OCR (tesseract chi_sim installed): header cells apart, a warning on the import'
      : 'is refused with NO_TEXT_LAYER by default (tesseract-ocr-chi-sim / poppler-utils not installed here)',
    async () => {
      if (!ocrInstalled) {
        expect((await importErrorOf(extractText(scannedPdf))).code).toBe('NO_TEXT_LAYER');
        return;
      }
      const imported = await importFeedbackDocument(scannedPdf, { ocr: { dpi: 150 } });
      expect(imported.document).toMatchObject({ format: 'pdf', ocr: true, pages: 1 });
      expect(imported.document.text).toContain('景德镇市财政支出绩效评价结果反馈表');
      expect(imported.document.text).toMatch(/评价分值\t80\.08\t评价结论\t良/);
      expect(imported.result.evaluation).toMatchObject({
        organizer: '景德镇市财政局',
        score: 80.08,
        grade: '良',
      });
      expect(imported.result.warnings.map((w) => w.code)).toContain(OCR_WARNING_CODE);
    },
    240_000,
  );
});
