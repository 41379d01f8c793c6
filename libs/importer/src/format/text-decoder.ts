import * as iconv from 'iconv-lite';
import { unknownEncoding } from './import-error.messages';
import { COMMON_HANZI } from './common-hanzi.const';

export interface DecodedText {
  text: string;
  encoding: string;
}

const GB_ALIASES = new Set([
  'gbk',
  'gb2312',
  'gb18030',
  'x-gbk',
  'cp936',
  'gb_2312-80',
  'euc-cn',
  'windows-936',
]);
const MIN_HANZI_FOR_FREQUENCY_CHECK = 20;
const MIN_COMMON_SHARE = 0.25;
const MAX_ODD_SHARE = 0.05;
const MAX_REPLACEMENT_SHARE = 0.01;

/**
 * Decodes a text file whose encoding nobody declared. UTF-8 is tried strictly first (a valid
 * UTF-8 file is almost never something else); GB18030 decodes almost any bytes, so its result is
 * only accepted when it reads like Chinese text.
 */
export function decodeText(content: Buffer, declared: string | null = null): DecodedText {
  const bom = decodeByBom(content);
  if (bom) return bom;
  const hint = declared?.trim().toLowerCase() ?? null;
  if (hint && GB_ALIASES.has(hint)) {
    const text = iconv.decode(content, 'gb18030');
    if (isPlausible(text)) return { text, encoding: 'gb18030' };
  } else if (hint && hint !== 'utf-8' && hint !== 'utf8' && iconv.encodingExists(hint)) {
    const text = iconv.decode(content, hint);
    if (isPlausible(text)) return { text, encoding: hint };
  }
  const utf8 = strictUtf8(content);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  const gb = iconv.decode(content, 'gb18030');
  if (isPlausible(gb)) return { text: gb, encoding: 'gb18030' };
  const damaged = slightlyDamagedUtf8(content);
  if (damaged !== null) return { text: damaged, encoding: 'utf-8' };
  throw unknownEncoding();
}

/**
 * A UTF-8 file damaged in a byte or two (cut off mid-character, a stray Latin-1 byte) is still
 * worth reading; a file in another encoding produces replacement characters everywhere.
 */
function slightlyDamagedUtf8(content: Buffer): string | null {
  const text = content.toString('utf8');
  const ok = replacementShare(text) <= MAX_REPLACEMENT_SHARE && isPlausible(text.replace(/\ufffd/g, ''));
  return ok ? text : null;
}

function replacementShare(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\ufffd'); i !== -1; i = text.indexOf('\ufffd', i + 1)) count++;
  return text.length === 0 ? 0 : count / text.length;
}

function decodeByBom(content: Buffer): DecodedText | null {
  if (content.length >= 3 && content[0] === 0xef && content[1] === 0xbb && content[2] === 0xbf) {
    const body = content.subarray(3);
    const text = strictUtf8(body) ?? slightlyDamagedUtf8(body);
    if (text === null) throw unknownEncoding();
    return { text, encoding: 'utf-8' };
  }
  if (content.length >= 2 && content[0] === 0xff && content[1] === 0xfe) {
    return { text: iconv.decode(content.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  }
  if (content.length >= 2 && content[0] === 0xfe && content[1] === 0xff) {
    return { text: iconv.decode(content.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  }
  return null;
}

function strictUtf8(content: Buffer): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    return null;
  }
}

/** Mostly CJK/ASCII/punctuation, few replacement characters, and common characters dominate. */
export function isPlausible(text: string): boolean {
  let total = 0;
  let odd = 0;
  let hanzi = 0;
  let common = 0;
  for (const ch of text) {
    total++;
    const code = ch.codePointAt(0)!;
    if (code >= 0x4e00 && code <= 0x9fff) {
      hanzi++;
      if (COMMON_HANZI.has(ch)) common++;
    } else if (!isOrdinaryCodePoint(code)) {
      odd++;
    }
  }
  if (total === 0) return true;
  if (odd / total > MAX_ODD_SHARE) return false;
  return hanzi < MIN_HANZI_FOR_FREQUENCY_CHECK || common / hanzi >= MIN_COMMON_SHARE;
}

function isOrdinaryCodePoint(code: number): boolean {
  if (code === 0x09 || code === 0x0a || code === 0x0d) return true;
  if (code >= 0x20 && code <= 0x7e) return true;
  return (
    (code >= 0xa0 && code <= 0xff) || // Latin-1 symbols: · × ÷ °
    (code >= 0x2000 && code <= 0x206f) || // general punctuation: — … ‘’“”
    (code >= 0x2100 && code <= 0x22ff) || // letterlike, number forms (Ⅰ Ⅱ), arrows, maths
    (code >= 0x2460 && code <= 0x24ff) || // ① ⑴
    (code >= 0x2500 && code <= 0x25ff) || // box drawing, shapes (■ ○)
    (code >= 0x3000 && code <= 0x303f) || // CJK punctuation 。、《》〔〕
    (code >= 0x3200 && code <= 0x33ff) || // enclosed CJK
    (code >= 0xfe30 && code <= 0xfe4f) || // CJK compatibility forms
    (code >= 0xff00 && code <= 0xffef) // full-width forms
  );
}
