import { parseOrdinal, toAsciiDigits } from './chinese-numeral.util';

const YEAR_DIGITS: Record<string, string> = {
  〇: '0',
  '○': '0',
  零: '0',
  Ｏ: '0',
  O: '0',
  一: '1',
  二: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
};

/** "2023年2月18日", "二〇二三年九月三十日" (the form official letters are signed with). */
export const DATE_SOURCE =
  '(?:[0-9０-９]{4}|[〇○零Ｏ一二三四五六七八九]{4})\\s*年\\s*(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\\s*月\\s*(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\\s*日';

const PARTS =
  /([0-9０-９]{4}|[〇○零Ｏ一二三四五六七八九]{4})\s*年\s*([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*日/;

/** A written date as YYYY-MM-DD, or null when it is not a real calendar date. */
export function parseWrittenDate(text: string): string | null {
  const m = PARTS.exec(text);
  if (m) {
    const year = /^[0-9０-９]+$/.test(m[1])
      ? Number(toAsciiDigits(m[1]))
      : Number(Array.from(m[1], (c) => YEAR_DIGITS[c] ?? 'x').join(''));
    return isoDate(year, parseOrdinal(m[2]), parseOrdinal(m[3]));
  }
  const iso = /([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})/.exec(toAsciiDigits(text));
  return iso ? isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3])) : null;
}

function isoDate(year: number, month: number | null, day: number | null): string | null {
  if (!Number.isInteger(year) || year < 1990 || year > 2100 || month === null || day === null) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
