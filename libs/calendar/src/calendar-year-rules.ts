import { daysFromCivil, isWeekend, parseCivilDate } from './calendar-date';

/** Years an administrator may load: the ones a deadline issued now could reach, and a little history. */
export const LOADABLE_YEARS = { min: 2000, max: 2100 } as const;

/**
 * Why a year's 放假 dates and 调休 working weekends cannot be loaded (Chinese, shown as 400), or null. Dates must
 * be real YYYY-MM-DD days of that year, each listed once, none both a holiday and a workday, and a 调休上班 day
 * only means something on a Saturday or Sunday.
 */
export function calendarYearProblem(year: number, holidays: unknown, workdays: unknown): string | null {
  if (!Number.isInteger(year) || year < LOADABLE_YEARS.min || year > LOADABLE_YEARS.max)
    return `年份须为 ${LOADABLE_YEARS.min}–${LOADABLE_YEARS.max} 之间的整数`;
  const lists: Array<[string, unknown]> = [
    ['放假日期（holidays）', holidays],
    ['调休上班日期（workdays）', workdays],
  ];
  for (const [label, list] of lists) {
    if (!Array.isArray(list)) return `${label}须为日期列表`;
    if (list.length > 366) return `${label}最多 366 天`;
    const seen = new Set<string>();
    for (const d of list) {
      const civil = parseCivilDate(d);
      if (!civil) return `${label}中的 ${JSON.stringify(d)} 不是有效日期（YYYY-MM-DD）`;
      if (civil.year !== year) return `${label}中的 ${String(d)} 不在 ${year} 年内`;
      if (seen.has(d as string)) return `${label}中的 ${String(d)} 重复`;
      seen.add(d as string);
    }
  }
  const holidaySet = new Set(holidays as string[]);
  for (const d of workdays as string[]) {
    if (holidaySet.has(d)) return `${d} 不能既是放假日又是调休上班日`;
    if (!isWeekend(daysFromCivil(parseCivilDate(d)!))) return `调休上班日 ${d} 不是周六或周日`;
  }
  return null;
}
