import { AppError } from '@rectiflow/common';
import type { FindingPoint } from '@rectiflow/persistence';
import { TEXT_LIMITS } from './column-limits';

const TITLE_CAP = 200;
// Sub-point and list markers a part may start with after a split: 二是, （二）, 2., 2、, ②
const LEADING_MARKER =
  /^\s*(?:[一二三四五六七八九十]+是|[（(][一二三四五六七八九十0-9]+[）)]|[0-9]+[.．、]|[一二三四五六七八九十]+、|[①-⑳])\s*/;

/**
 * A title for a finding or recommendation written without one: its first sentence (up to 。！？；, a line
 * break or 200 characters) without a leading marker — the importer's rule, so split parts read like parsed
 * ones.
 */
export function deriveTitle(text: string): string {
  const body = text.trim().replace(LEADING_MARKER, '');
  const sentence = /^[^。！？!?；;\n]*/.exec(body)?.[0].trim() ?? '';
  const title = Array.from(sentence || body)
    .slice(0, TITLE_CAP)
    .join('')
    .trim();
  return title || Array.from(text.trim()).slice(0, TITLE_CAP).join('');
}

/** Two parts at a UTF-16 offset (the unit of a browser text selection), each trimmed and non-empty. */
export function partsAtOffset(text: string, offset: number): string[] {
  const code = offset > 0 && offset < text.length ? text.charCodeAt(offset) : NaN;
  if (!Number.isInteger(offset) || Number.isNaN(code) || (code >= 0xdc00 && code <= 0xdfff)) {
    throw invalidInput(`拆分位置 ${offset} 无效：应在 1 到 ${text.length - 1} 之间且不在字符中间`, 'offset');
  }
  const parts = [text.slice(0, offset).trim(), text.slice(offset).trim()];
  if (parts.some((p) => p === '')) throw invalidInput('拆分后的某一部分为空', 'offset');
  return parts;
}

/**
 * Sub-points follow the text they came from: each goes to the first part containing the start of its text.
 * A point whose text is in no part (the user rewrote it) is dropped rather than attached to the wrong part.
 */
export function distributePoints(points: FindingPoint[], partTexts: string[]): FindingPoint[][] {
  const out = partTexts.map((): FindingPoint[] => []);
  for (const point of points) {
    const probe = point.text.trim().slice(0, 16);
    const at = probe === '' ? -1 : partTexts.findIndex((t) => t.includes(probe));
    if (at >= 0) out[at].push(point);
  }
  return out;
}

export function assertTextFits(text: string, field: string): void {
  if (text.trim() === '') throw invalidInput(`${field} 不能为空`, field);
  if (text.length > TEXT_LIMITS.longText) throw invalidInput(`${field} 过长`, field);
}

function invalidInput(message: string, field: string): AppError {
  return new AppError('VALIDATION_FAILED', message, { fields: { [field]: [message] } });
}
