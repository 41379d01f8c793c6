import { daysFromCivil, isWeekend, parseCivilDate } from './calendar-date';

/** One date named in a State Council notice. */
export interface HolidayEntry {
  readonly date: string;
  readonly name: string;
}

/**
 * One calendar year of the State Council's 部分节假日安排: every 放假 date (the whole span, weekends
 * included, so `holidayName` can name them) and every 调休上班 weekend. A span that crosses New Year
 * is split by calendar year, so a year file may cite next year's notice for its last days.
 */
export interface HolidayYear {
  readonly year: number;
  /** The notice(s) the dates come from, e.g. 国办发明电〔2024〕12号. */
  readonly source: string;
  /** Why the data looks unusual (an extension, a "鼓励休息" day that is not a holiday, …). */
  readonly notes?: string;
  readonly holidays: readonly HolidayEntry[];
  readonly workdays: readonly HolidayEntry[];
}

/**
 * The shipped data is wrong, not the caller's input: kept apart from CalendarError so it is never
 * mapped to a 4xx and always fails loudly at start-up.
 */
export class HolidayDataError extends Error {
  constructor(label: string, problem: string) {
    super(`节假日数据无效 / invalid holiday data (${label}): ${problem}`);
    this.name = 'HolidayDataError';
  }
}

/**
 * Checks one year's data and returns it typed and frozen. Run on every shipped file at import
 * time, so a typo in a JSON file stops the service from booting rather than shifting a deadline.
 */
export function validateHolidayYear(raw: unknown, label = 'holiday year'): HolidayYear {
  const fail = (problem: string): never => {
    throw new HolidayDataError(label, problem);
  };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail('not an object');
  const data = raw as Record<string, unknown>;
  const allowed = new Set(['year', 'source', 'notes', 'holidays', 'workdays']);
  const unknownKeys = Object.keys(data).filter((key) => !allowed.has(key));
  if (unknownKeys.length > 0) fail(`unknown field(s) ${unknownKeys.join(', ')}`);

  const year = data.year;
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 1 || year > 9999) {
    return fail(`"year" must be an integer year, got ${JSON.stringify(year)}`);
  }
  if (typeof data.source !== 'string' || data.source.trim() === '') fail('"source" must name the notice');
  if (data.notes !== undefined && typeof data.notes !== 'string') fail('"notes" must be a string');

  const holidays = readEntries(data.holidays, 'holidays', year, fail);
  const workdays = readEntries(data.workdays, 'workdays', year, fail);

  const holidayDates = new Set(holidays.map((entry) => entry.date));
  for (const entry of workdays) {
    if (holidayDates.has(entry.date)) fail(`${entry.date} is listed both as holiday and as workday`);
    // A make-up working day only means something on a weekend; a weekday here is a typo.
    if (!isWeekend(daysFromCivil(parseCivilDate(entry.date)!))) {
      fail(`workday ${entry.date} is not a Saturday or Sunday`);
    }
  }

  return Object.freeze({
    year,
    source: data.source as string,
    ...(data.notes === undefined ? {} : { notes: data.notes as string }),
    holidays: Object.freeze(holidays),
    workdays: Object.freeze(workdays),
  });
}

function readEntries(
  value: unknown,
  field: 'holidays' | 'workdays',
  year: number,
  fail: (problem: string) => never,
): HolidayEntry[] {
  if (!Array.isArray(value)) return fail(`"${field}" must be an array`);
  const entries: HolidayEntry[] = [];
  for (const [index, item] of value.entries()) {
    const where = `${field}[${index}]`;
    if (typeof item !== 'object' || item === null) fail(`${where} must be an object`);
    const { date, name, ...rest } = item as Record<string, unknown>;
    if (Object.keys(rest).length > 0) fail(`${where} has unknown field(s) ${Object.keys(rest).join(', ')}`);
    const civil = parseCivilDate(date);
    if (!civil) return fail(`${where}.date ${JSON.stringify(date)} is not a real YYYY-MM-DD date`);
    if (civil.year !== year) fail(`${where}.date ${String(date)} is outside ${year}`);
    if (typeof name !== 'string' || name.trim() === '') fail(`${where}.name must be a non-empty string`);
    const previous = entries[entries.length - 1];
    // Sorted and unique keeps the files diff-friendly and makes a duplicated line impossible to miss.
    if (previous && previous.date >= (date as string)) {
      fail(`${where}.date ${String(date)} is not after ${previous.date} (must be sorted, no duplicates)`);
    }
    entries.push(Object.freeze({ date: date as string, name: name as string }));
  }
  return entries;
}
