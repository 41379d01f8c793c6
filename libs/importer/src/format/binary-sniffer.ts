import * as FileType from 'file-type';
import { cfbEntryNames, isCfb } from './cfb-directory';

export type SniffResult =
  | { kind: 'docx' }
  | { kind: 'pdf' }
  | { kind: 'doc' }
  | { kind: 'image'; ext: 'png' | 'jpg' }
  | { kind: 'unsupported'; what: string }
  | { kind: 'binary'; detail: string }
  | { kind: 'utf16-no-bom'; encoding: 'utf-16le' | 'utf-16be' }
  | { kind: 'text' };

const SAMPLE = 64 * 1024;
const MAX_CONTROL_SHARE = 0.01;
// file-type also recognises some text formats; those are not binary.
const TEXTUAL_TYPES = new Set(['xml', 'html', 'svg', 'json', 'csv', 'txt', 'ics', 'vtt', 'srt']);

/** Classifies raw bytes before any decoding, by magic numbers and byte statistics. */
export async function sniffContent(content: Buffer): Promise<SniffResult> {
  if (startsWith(content, [0x50, 0x4b, 0x03, 0x04]) || startsWith(content, [0x50, 0x4b, 0x05, 0x06])) {
    return classifyZip(content);
  }
  if (content.subarray(0, 1024).includes('%PDF-')) return { kind: 'pdf' };
  if (startsWith(content, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return classifyCfb(content);
  if (
    content.subarray(0, 6).toString('latin1') === '{\\rtf1' ||
    content.subarray(0, 5).toString('latin1') === '{\\rtf'
  ) {
    return { kind: 'unsupported', what: 'RTF 文件' };
  }
  if (startsWith(content, [0xff, 0xfe]) || startsWith(content, [0xfe, 0xff])) return { kind: 'text' };
  const type = await FileType.fromBuffer(content.subarray(0, SAMPLE));
  if (type?.ext === 'png' || type?.ext === 'jpg') return { kind: 'image', ext: type.ext };
  if (type && !TEXTUAL_TYPES.has(type.ext))
    return { kind: 'binary', detail: `${type.ext} 文件 (${type.mime})` };
  return classifyBytes(content.subarray(0, SAMPLE));
}

function classifyZip(content: Buffer): SniffResult {
  if (content.includes('word/document.xml')) return { kind: 'docx' };
  if (content.includes('xl/workbook')) return { kind: 'unsupported', what: 'Excel 表格（.xlsx）' };
  if (content.includes('ppt/presentation')) return { kind: 'unsupported', what: 'PowerPoint 文件（.pptx）' };
  if (content.includes('application/vnd.oasis.opendocument'))
    return { kind: 'unsupported', what: 'OpenDocument 文件（.odt/.ods）' };
  return { kind: 'binary', detail: 'zip 压缩包 (zip archive)' };
}

/** OLE2 files are told apart by their directory: Word keeps its text in a `WordDocument` stream. */
function classifyCfb(content: Buffer): SniffResult {
  const names = isCfb(content) ? cfbEntryNames(content) : [];
  if (names.includes('WordDocument')) return { kind: 'doc' };
  if (names.includes('Workbook') || names.includes('Book'))
    return { kind: 'unsupported', what: 'Excel 97-2003 表格（.xls）' };
  if (names.includes('PowerPoint Document'))
    return { kind: 'unsupported', what: 'PowerPoint 97-2003 文件（.ppt）' };
  return { kind: 'unsupported', what: '旧版 Office / WPS 复合文件（非 Word 文档）' };
}

function classifyBytes(sample: Buffer): SniffResult {
  let nul = 0;
  let nulOdd = 0;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i];
    if (b === 0) {
      nul++;
      if (i % 2 === 1) nulOdd++;
    } else if (
      (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) ||
      b === 0x7f
    ) {
      control++;
    }
  }
  // UTF-16 without a BOM: its ASCII characters leave a NUL in every other byte, always on the same
  // side; binary padding has NULs on both sides. (CJK code units make "control" bytes, so those
  // are not counted against UTF-16.)
  if (sample.length >= 8 && nul > sample.length * 0.2) {
    if (nulOdd >= nul * 0.95) return { kind: 'utf16-no-bom', encoding: 'utf-16le' };
    if (nulOdd <= nul * 0.05) return { kind: 'utf16-no-bom', encoding: 'utf-16be' };
  }
  if (nul > 0) return { kind: 'binary', detail: '含空字节的二进制数据 (NUL bytes)' };
  if (control > Math.max(1, sample.length * MAX_CONTROL_SHARE))
    return { kind: 'binary', detail: '大量控制字符 (control characters)' };
  return { kind: 'text' };
}

function startsWith(content: Buffer, bytes: number[]): boolean {
  return content.length >= bytes.length && bytes.every((b, i) => content[i] === b);
}
