export type CalendarErrorCode = 'YEAR_NOT_COVERED' | 'INVALID_RULE' | 'INVALID_DATE';

/** Names the offending argument in both languages, e.g. { zh: '送达日', en: 'deliveryDate' }. */
export interface FieldLabel {
  readonly zh: string;
  readonly en: string;
}

const DATE_LABEL: FieldLabel = { zh: '日期', en: 'date' };

/**
 * A calendar question the caller asked wrongly or that the shipped data cannot answer.
 * Messages are bilingual because they surface both in the bureau's UI and in English logs;
 * `details` carries the same facts for callers that map the error to an API response.
 */
export class CalendarError extends Error {
  constructor(
    readonly code: CalendarErrorCode,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'CalendarError';
  }

  static invalidDate(value: unknown, label: FieldLabel = DATE_LABEL): CalendarError {
    const shown = typeof value === 'string' ? `"${value}"` : String(value);
    return new CalendarError(
      'INVALID_DATE',
      `${label.zh} ${shown} 无效：应为真实存在的 YYYY-MM-DD 日期 / ` +
        `invalid ${label.en} ${shown}: expected a real calendar date as YYYY-MM-DD`,
      { field: label.en, value },
    );
  }

  static yearNotCovered(year: number, date: string, coveredYears: readonly number[]): CalendarError {
    const covered = describeYears(coveredYears);
    return new CalendarError(
      'YEAR_NOT_COVERED',
      `缺少 ${year} 年的国务院节假日安排数据（${date}；已收录：${covered.zh}），无法按工作日计算 / ` +
        `no public-holiday data for ${year} (${date}; covered: ${covered.en}), cannot count working days`,
      { year, date, coveredYears: [...coveredYears] },
    );
  }

  static invalidRule(zh: string, en: string, details: Record<string, unknown> = {}): CalendarError {
    return new CalendarError('INVALID_RULE', `${zh} / ${en}`, details);
  }
}

/** "2020–2026" reads better than seven numbers; gaps are spelled out so a missing year is visible. */
function describeYears(years: readonly number[]): { zh: string; en: string } {
  if (years.length === 0) return { zh: '无', en: 'none' };
  const runs: string[] = [];
  let start = years[0];
  let prev = years[0];
  for (const year of [...years.slice(1), Number.NaN]) {
    if (year === prev + 1) {
      prev = year;
      continue;
    }
    runs.push(start === prev ? `${start}` : `${start}–${prev}`);
    start = year;
    prev = year;
  }
  return { zh: runs.join('、'), en: runs.join(', ') };
}
