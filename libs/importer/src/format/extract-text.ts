import { binaryFile, emptyFile, tooLarge, unsupportedFormat } from './import-error.messages';
import { sniffContent } from './binary-sniffer';
import { decodeText } from './text-decoder';
import { readDocx } from './docx-reader';
import { htmlToText } from './html-to-text.converter';
import * as iconv from 'iconv-lite';

export type DocumentFormat = 'txt' | 'html' | 'docx' | 'pdf';

export interface ExtractedDocument {
  text: string;
  format: DocumentFormat;
  /** encoding the text was decoded from; null for .docx (zip/XML carries its own) */
  encoding: string | null;
}

export interface ExtractOptions {
  /** used as a hint only (e.g. ".html"); content decides */
  filename?: string;
  /** defaults to 20 MiB */
  maxBytes?: number;
}

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

/**
 * Turns uploaded bytes into text for `parseFeedbackForm`. Throws only `ImportError`, whose code
 * says why the file cannot be read (empty, binary, encoding, format, size).
 */
export async function extractText(content: Buffer, opts: ExtractOptions = {}): Promise<ExtractedDocument> {
  const bytes = Buffer.isBuffer(content) ? content : Buffer.from(content as Uint8Array);
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length === 0) throw emptyFile();
  if (bytes.length > maxBytes) throw tooLarge(bytes.length, maxBytes);

  const sniffed = await sniffContent(bytes);
  let doc: ExtractedDocument;
  switch (sniffed.kind) {
    case 'docx':
      doc = { text: await readDocx(bytes), format: 'docx', encoding: null };
      break;
    case 'pdf':
      throw unsupportedFormat(
        'PDF 文件',
        '请在 Word/WPS 中将反馈表另存为 .docx，或复制全文另存为 .txt 后再导入。',
      );
    case 'unsupported':
      throw unsupportedFormat(sniffed.what, '请另存为 Word (.docx) 或纯文本 (.txt) 后再导入。');
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

function decodeTextOrHtml(bytes: Buffer, filename: string | undefined): ExtractedDocument {
  const head = bytes.subarray(0, 4096).toString('latin1');
  const html = isHtml(head, filename);
  const declared = html ? declaredCharset(head) : null;
  const { text, encoding } = decodeText(bytes, declared);
  return html ? { text: htmlToText(text), format: 'html', encoding } : { text, format: 'txt', encoding };
}

function asTextOrHtml(text: string, encoding: string, filename: string | undefined): ExtractedDocument {
  return isHtml(text.slice(0, 4096), filename)
    ? { text: htmlToText(text), format: 'html', encoding }
    : { text, format: 'txt', encoding };
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
