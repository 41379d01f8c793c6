import { civilFromDays, fromDayNumber, isWeekend, toDayNumber } from './calendar-date';
import { CalendarError } from './calendar-error';
import { SHIPPED_HOLIDAY_YEARS } from './holiday-calendar.data';
import { HolidayDataError, validateHolidayYear, type HolidayYear } from './holiday-year';

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup_workday';

interface DayInfo {
  readonly kind: 'holiday' | 'makeup_workday';
  readonly name: string;
}

let shipped: WorkingDayCalendar | undefined;

/**
 * Mainland China's working-day calendar: Monday–Friday, minus the State Council's 放假 dates, plus
 * its 调休上班 weekends. Every question about a date outside the loaded years throws
 * YEAR_NOT_COVERED instead of guessing, because a guessed working day silently moves a deadline.
 * Immutable, so one instance can be shared by every request.
 */
export class WorkingDayCalendar {
  private readonly days = new Map<number, DayInfo>();
  private readonly years: readonly number[];
  private readonly yearSet: ReadonlySet<number>;

  /** The calendar built from the notices shipped in `libs/calendar/data`. */
  static default(): WorkingDayCalendar {
    shipped ??= new WorkingDayCalendar(SHIPPED_HOLIDAY_YEARS);
    return shipped;
  }

  constructor(years: readonly HolidayYear[]) {
    const seen = new Set<number>();
    for (const [index, raw] of years.entries()) {
      const year = validateHolidayYear(raw, `years[${index}]`);
      if (seen.has(year.year)) throw new HolidayDataError(`years[${index}]`, `year ${year.year} given twice`);
      seen.add(year.year);
      for (const { date, name } of year.holidays) this.days.set(toDayNumber(date), { kind: 'holiday', name });
      for (const { date, name } of year.workdays) {
        this.days.set(toDayNumber(date), { kind: 'makeup_workday', name });
      }
    }
    this.years = Object.freeze([...seen].sort((a, b) => a - b));
    this.yearSet = seen;
  }

  coveredYears(): number[] {
    return [...this.years];
  }

  isCovered(year: number): boolean {
    return this.yearSet.has(year);
  }

  /**
   * This calendar with `years` added; a year given here replaces the same year's data (an administrator's
   * loaded arrangement wins over a shipped file).
   */
  withYears(
    years: readonly HolidayYear[],
    base: readonly HolidayYear[] = SHIPPED_HOLIDAY_YEARS,
  ): WorkingDayCalendar {
    const replaced = new Set(years.map((y) => y.year));
    return new WorkingDayCalendar([...base.filter((y) => !replaced.has(y.year)), ...years]);
  }

  /**
   * The n-th working day after `from`, also across years whose 放假/调休 arrangement is not loaded: those
   * count weekends only, and the result is `provisional` — it may move once the year is loaded.
   */
  addWorkingDaysProvisional(from: string, n: number): { date: string; provisional: boolean } {
    let dayNumber = toDayNumber(from, { zh: '起算日', en: 'from' });
    let remaining = assertCount(n, 'n');
    let provisional = false;
    while (remaining > 0) {
      dayNumber += 1;
      const covered = this.yearSet.has(civilFromDays(dayNumber).year);
      if (!covered) provisional = true;
      if (covered ? this.isWorkingDayNumber(dayNumber) : !isWeekend(dayNumber)) remaining -= 1;
    }
    return { date: fromDayNumber(dayNumber), provisional };
  }

  isWorkingDay(date: string): boolean {
    return this.isWorkingDayNumber(toDayNumber(date));
  }

  dayKind(date: string): DayKind {
    const dayNumber = toDayNumber(date);
    this.assertCovered(dayNumber);
    return this.days.get(dayNumber)?.kind ?? (isWeekend(dayNumber) ? 'weekend' : 'workday');
  }

  /** The festival a 放假 date belongs to ("春节", "国庆节、中秋节"); null for any other day, make-up days included. */
  holidayName(date: string): string | null {
    const dayNumber = toDayNumber(date);
    this.assertCovered(dayNumber);
    const info = this.days.get(dayNumber);
    return info?.kind === 'holiday' ? info.name : null;
  }

  /** The n-th working day after `from` (`from` itself never counts). n = 0 returns `from` unchanged. */
  addWorkingDays(from: string, n: number): string {
    let dayNumber = toDayNumber(from, { zh: '起算日', en: 'from' });
    let remaining = assertCount(n, 'n');
    while (remaining > 0) {
      dayNumber += 1;
      if (this.isWorkingDayNumber(dayNumber)) remaining -= 1;
    }
    return fromDayNumber(dayNumber);
  }

  /** The n-th working day before `date` (`date` itself never counts). n = 0 returns `date` unchanged. */
  subtractWorkingDays(date: string, n: number): string {
    let dayNumber = toDayNumber(date);
    let remaining = assertCount(n, 'n');
    while (remaining > 0) {
      dayNumber -= 1;
      if (this.isWorkingDayNumber(dayNumber)) remaining -= 1;
    }
    return fromDayNumber(dayNumber);
  }

  /** Plain calendar days; needs no holiday data. n may be negative. */
  addCalendarDays(from: string, n: number): string {
    if (!Number.isSafeInteger(n)) {
      throw CalendarError.invalidRule('天数必须是整数', `day count must be an integer, got ${n}`, { n });
    }
    return fromDayNumber(toDayNumber(from, { zh: '起算日', en: 'from' }) + n);
  }

  /**
   * Working days in (from, to] — so `workingDaysBetween(d, addWorkingDays(d, n)) === n`.
   * When `to` is before `from` the count is negative (how many working days overdue, for instance).
   */
  workingDaysBetween(from: string, to: string): number {
    const start = toDayNumber(from, { zh: '起始日', en: 'from' });
    const end = toDayNumber(to, { zh: '截止日', en: 'to' });
    if (end < start) return -this.countWorkingDays(end, start);
    return this.countWorkingDays(start, end);
  }

  private countWorkingDays(exclusiveStart: number, inclusiveEnd: number): number {
    let count = 0;
    for (let dayNumber = exclusiveStart + 1; dayNumber <= inclusiveEnd; dayNumber += 1) {
      if (this.isWorkingDayNumber(dayNumber)) count += 1;
    }
    return count;
  }

  private isWorkingDayNumber(dayNumber: number): boolean {
    this.assertCovered(dayNumber);
    const kind = this.days.get(dayNumber)?.kind;
    if (kind === 'holiday') return false;
    if (kind === 'makeup_workday') return true;
    return !isWeekend(dayNumber);
  }

  private assertCovered(dayNumber: number): void {
    const { year } = civilFromDays(dayNumber);
    if (!this.yearSet.has(year))
      throw CalendarError.yearNotCovered(year, fromDayNumber(dayNumber), this.years);
  }
}

function assertCount(n: number, label: string): number {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw CalendarError.invalidRule(
      `工作日天数必须是非负整数（收到 ${n}）`,
      `working-day count ${label} must be a non-negative integer, got ${n}`,
      { [label]: n },
    );
  }
  return n;
}
