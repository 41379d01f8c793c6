const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

const FULL_WIDTH = /[０-９．]/;

/** Full-width digits appear in Word exports; number parsing must not care. */
export function toAsciiDigits(text: string): string {
  if (!FULL_WIDTH.test(text)) return text;
  return text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/[．]/g, '.');
}

/**
 * Parses ordinals used in numbering (一 … 九百九十九, or arabic up to 999). Returns null rather
 * than guessing, because a wrong value would silently mis-pair recommendations.
 */
export function parseOrdinal(raw: string): number | null {
  const text = toAsciiDigits(raw.trim());
  if (/^[0-9]{1,3}$/.test(text)) return Number(text);
  if (!/^[零〇一二两三四五六七八九十百]{1,7}$/.test(text)) return null;
  const hundredAt = text.indexOf('百');
  if (hundredAt === -1) return belowHundred(text);
  const hundreds = DIGITS[text.slice(0, hundredAt)];
  if (hundredAt !== 1 || hundreds === undefined || hundreds === 0) return null;
  let rest = text.slice(hundredAt + 1);
  if (rest === '') return hundreds * 100;
  // "一百零五" = 105; "一百一十" / "一百十" = 110; "一百五" is colloquial 150, not a list number.
  if (rest.startsWith('零') || rest.startsWith('〇')) {
    rest = rest.slice(1);
    return rest.length === 1 && DIGITS[rest] !== undefined && DIGITS[rest] > 0
      ? hundreds * 100 + DIGITS[rest]
      : null;
  }
  if (!rest.includes('十')) return null;
  const tens = belowHundred(rest.startsWith('十') ? `一${rest}` : rest);
  return tens === null || tens < 10 ? null : hundreds * 100 + tens;
}

function belowHundred(text: string): number | null {
  if (text.length > 3) return null;
  const tenAt = text.indexOf('十');
  if (tenAt === -1) return text.length === 1 ? (DIGITS[text] ?? null) : null;
  const tensPart = text.slice(0, tenAt);
  const unitsPart = text.slice(tenAt + 1);
  if (tensPart.length > 1 || unitsPart.length > 1 || unitsPart === '十') return null;
  const tens = tensPart === '' ? 1 : DIGITS[tensPart];
  const units = unitsPart === '' ? 0 : DIGITS[unitsPart];
  if (tens === undefined || units === undefined || tens === 0) return null;
  return tens * 10 + units;
}

const CIRCLED_START = 0x2460; // ①
const PAREN_DIGIT_START = 0x2474; // ⑴

export function circledValue(ch: string): number | null {
  const code = ch.codePointAt(0) ?? 0;
  if (code >= CIRCLED_START && code < CIRCLED_START + 20) return code - CIRCLED_START + 1;
  if (code >= PAREN_DIGIT_START && code < PAREN_DIGIT_START + 20) return code - PAREN_DIGIT_START + 1;
  return null;
}
