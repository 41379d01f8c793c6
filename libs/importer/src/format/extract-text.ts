import * as iconv from 'iconv-lite';
import { binaryFile, emptyFile, tooLarge, unsupportedFormat } from './import-error.messages';
import { sniffContent } from './binary-sniffer';
import { decodeText } from './text-decoder';
import { readDocx } from './docx-reader';
import { readDoc } from './doc-reader';
import { htmlToText } from './html-to-text.converter';
import { assertZipWithinBudget, DEFAULT_ZIP_BUDGET } from './zip-budget.guard';
import type { ZipBudget } from './zip-directory';
import { DEFAULT_PDF_LIMITS, readPdfText, type PdfLimits } from './pdf-text.reader';
import { DEFAULT_OCR_OPTIONS, type OcrOptions } from './ocr.runner';
import { hasTextLayer, ocrScannedImage, ocrScannedPdf } from './scanned-document.reader';

export type DocumentFormat = 'txt' | 'html' | 'docx' | 'doc' | 'pdf' | 'png' | 'jpg';

export interface ExtractedDocument {
  text: string;
  format: DocumentFormat;
  /** encoding the text was decoded from; null for containers that carry their own (.docx, .doc, PDF, images) */
  encoding: string | null;
  /** the text was read by OCR from a scan or image (less reliable: the importer warns and lowers confidence) */
  ocr: boolean;
  /** pages of a PDF (1 for an image); null for formats without pages */
  pages: number | null;
}

export interface ExtractOptions {
  /** used as a hint only (e.g. ".html"); content decides */
  filename?: string;
  /** defaults to 20 MiB */
  maxBytes?: number;
  /** decompression caps for .docx (a "zip bomb" is refused before mammoth inflates it) */
  zipBudget?: Partial<ZipBudget>;
  pdf?: Partial<PdfLimits>;
  ocr?: Partial<OcrOptions>;
}

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
export { DEFAULT_OCR_OPTIONS, DEFAULT_PDF_LIMITS, DEFAULT_ZIP_BUDGET };

/**
 * Turns uploaded bytes into text for `parseFeedbackForm`. The kind is decided by content, never by name:
 * text (UTF-8/GBK/GB18030/UTF-16), HTML, .docx, .doc, PDF with a text layer, and — by OCR when it is installed —
 * scanned PDFs and PNG/JPEG images. Throws only `ImportError`, whose code says why the file cannot be read
 * (empty, binary, encoding, format, size, decompressed size, no text layer).
 */
export async function extractText(content: Buffer, opts: ExtractOptions = {}): Promise<ExtractedDocument> {
  const bytes = Buffer.isBuffer(content) ? content : Buffer.from(content as Uint8Array);
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length === 0) throw emptyFile();
  if (bytes.length > maxBytes) throw tooLarge(bytes.length, maxBytes);
  const ocr: OcrOptions = { ...DEFAULT_OCR_OPTIONS, ...opts.ocr };

  const sniffed = await sniffContent(bytes);
  let doc: ExtractedDocument;
  switch (sniffed.kind) {
    case 'docx':
      assertZipWithinBudget(bytes, 'Word 文档', { ...DEFAULT_ZIP_BUDGET, ...opts.zipBudget });
      doc = paged(await readDocx(bytes), 'docx');
      break;
    case 'doc':
      doc = paged(await readDoc(bytes), 'doc');
      break;
    case 'pdf': {
      const pdf = await readPdfText(bytes, opts.pdf);
      doc = hasTextLayer(pdf.text, pdf.pages)
        ? { text: pdf.text, format: 'pdf', encoding: null, ocr: false, pages: pdf.pages }
        : {
            text: await ocrScannedPdf(bytes, pdf.pages, ocr),
            format: 'pdf',
            encoding: null,
            ocr: true,
            pages: pdf.pages,
          };
      break;
    }
    case 'image':
      doc = {
        text: await ocrScannedImage(bytes, sniffed.ext, ocr),
        format: sniffed.ext,
        encoding: null,
        ocr: true,
        pages: 1,
      };
      break;
    case 'unsupported':
      throw unsupportedFormat(sniffed.what, '请另存为 Word (.docx/.doc)、PDF 或纯文本 (.txt) 后再导入。');
    case 'binary':
      throw binaryFile(sniffed.detail);
    case 'utf16-no-bom':
      doc = asTextOrHtml(iconv.decode(bytes, sniffed.encoding), sniffed.encoding, opts.filename);
      break;
    default:
      doc = decodeTextOrHtml(bytes, opts.filename);
  }
  if (doc.text.trim() === '') throw emptyFile();
  return doc;
}

function paged(text: string, format: 'docx' | 'doc'): ExtractedDocument {
  return { text, format, encoding: null, ocr: false, pages: null };
}

function decodeTextOrHtml(bytes: Buffer, filename: string | undefined): ExtractedDocument {
  const head = bytes.subarray(0, 4096).toString('latin1');
  const html = isHtml(head, filename);
  const declared = html ? declaredCharset(head) : null;
  const { text, encoding } = decodeText(bytes, declared);
  return html ? textDoc(htmlToText(text), 'html', encoding) : textDoc(text, 'txt', encoding);
}

function asTextOrHtml(text: string, encoding: string, filename: string | undefined): ExtractedDocument {
  return isHtml(text.slice(0, 4096), filename)
    ? textDoc(htmlToText(text), 'html', encoding)
    : textDoc(text, 'txt', encoding);
}

function textDoc(text: string, format: 'txt' | 'html', encoding: string): ExtractedDocument {
  return { text, format, encoding, ocr: false, pages: null };
}

/** Only a real HTML document counts; a text file with stray `<p>` tags stays text. */
function isHtml(head: string, filename: string | undefined): boolean {
  if (filename && /\.(?:x?html?|mht)$/i.test(filename)) return true;
  return /^(?:\ufeff|\xef\xbb\xbf)?\s*(?:<\?xml[^>]{0,200}>\s*)?(?:<!--[^]{0,500}?-->\s*)?(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(
    head,
  );
}

function declaredCharset(head: string): string | null {
  const m = /<meta[^>]{0,300}?charset\s*=\s*["']?\s*([a-zA-Z0-9_:.-]+)/i.exec(head);
  return m ? m[1] : null;
}
