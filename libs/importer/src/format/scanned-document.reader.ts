import { imageTooLarge, noTextLayer, ocrFailed, scanTooLong } from './import-error.messages';
import { imagePixels, ocrImage, ocrPdf, ocrReadiness, type OcrOptions } from './ocr.runner';
import { meaningfulChars } from './pdf-layout';

/**
 * Below this many non-space characters per page a PDF counts as a scan: page numbers, a stamp's text or a
 * watermark leave a few characters on an image-only page, a page of real text has hundreds.
 */
const MIN_CHARS_PER_PAGE = 20;

export function hasTextLayer(text: string, pages: number): boolean {
  return meaningfulChars(text) >= MIN_CHARS_PER_PAGE * Math.max(1, Math.min(pages, 5));
}

/** A scanned PDF's text by OCR, or NO_TEXT_LAYER saying what is missing and how to enable OCR. */
export async function ocrScannedPdf(content: Buffer, pages: number, opts: OcrOptions): Promise<string> {
  const ready = await ocrReadiness(opts, true);
  if (!ready.ok) throw noTextLayer('该 PDF ', ready.reason);
  if (pages > opts.maxPages) throw scanTooLong(pages, opts.maxPages);
  return nonEmpty(await attempt('该 PDF ', () => ocrPdf(content, pages, opts)), '该 PDF ');
}

/** A PNG/JPEG image's text by OCR, or NO_TEXT_LAYER. */
export async function ocrScannedImage(
  content: Buffer,
  ext: 'png' | 'jpg',
  opts: OcrOptions,
): Promise<string> {
  const ready = await ocrReadiness(opts, false);
  const what = `该图片（${ext.toUpperCase()}）`;
  if (!ready.ok) throw noTextLayer(what, ready.reason);
  const pixels = imagePixels(content, ext);
  if (pixels !== null && pixels > opts.maxPixels) throw imageTooLarge(pixels, opts.maxPixels);
  return nonEmpty(await attempt(what, () => ocrImage(content, ext, opts)), what);
}

async function attempt(what: string, fn: () => Promise<string>): Promise<string> {
  try {
    return await fn();
  } catch (err) {
    throw ocrFailed(what, err);
  }
}

function nonEmpty(text: string, what: string): string {
  if (meaningfulChars(text) === 0) throw ocrFailed(what);
  return text;
}
