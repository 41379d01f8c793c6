import { toDayNumber } from './calendar-date';
import { CalendarError } from './calendar-error';
import { WorkingDayCalendar } from './working-day-calendar';

/** How a rectification deadline is set when the finding is issued (下发). */
export type DeadlineRule =
  | { kind: 'date'; date: string /* YYYY-MM-DD */ }
  | { kind: 'calendar_days'; days: number }
  | { kind: 'working_days'; days: number };

/**
 * Resolves a deadline rule counted from the delivery date (送达日) to a YYYY-MM-DD date.
 *
 * - `date`: that date; before the delivery date is INVALID_RULE (the unit could never meet it).
 * - `calendar_days`: delivery date + days, no holiday data needed. The last day is NOT moved off a
 *   holiday: local rules differ on that, so a caller wanting the 民法典 §203 roll-forward asks for it.
 * - `working_days`: the days-th working day after the delivery date (the delivery day never counts,
 *   as in 自送达之日起N个工作日内); YEAR_NOT_COVERED when counting reaches a year without data.
 *
 * `days` must be a non-negative integer; 0 means the delivery date itself (立行立改 the same day).
 * Rules arrive from stored JSON and API bodies, so the shape is checked here, not trusted.
 */
export function resolveDeadline(
  deliveryDate: string,
  rule: DeadlineRule,
  calendar: WorkingDayCalendar = WorkingDayCalendar.default(),
): string {
  const delivered = toDayNumber(deliveryDate, { zh: '送达日', en: 'deliveryDate' });
  if (typeof rule !== 'object' || rule === null) {
    throw CalendarError.invalidRule('缺少期限规则', `deadline rule must be an object, got ${String(rule)}`);
  }
  const kind: unknown = rule.kind;
  switch (rule.kind) {
    case 'date': {
      const deadline = toDayNumber(rule.date, { zh: '期限日期', en: 'rule.date' });
      if (deadline < delivered) {
        throw CalendarError.invalidRule(
          `整改期限 ${rule.date} 早于送达日 ${deliveryDate}`,
          `deadline ${rule.date} is before the delivery date ${deliveryDate}`,
          { deliveryDate, date: rule.date },
        );
      }
      return rule.date;
    }
    case 'calendar_days':
      return calendar.addCalendarDays(deliveryDate, assertDays(rule.days));
    case 'working_days':
      return calendar.addWorkingDays(deliveryDate, assertDays(rule.days));
    default:
      throw CalendarError.invalidRule(
        `未知的期限规则类型 ${JSON.stringify(kind)}`,
        `unknown deadline rule kind ${JSON.stringify(kind)} (expected date, calendar_days or working_days)`,
        { kind },
      );
  }
}

function assertDays(days: unknown): number {
  if (typeof days !== 'number' || !Number.isSafeInteger(days) || days < 0) {
    throw CalendarError.invalidRule(
      `期限天数必须是非负整数（收到 ${JSON.stringify(days)}）`,
      `deadline days must be a non-negative integer, got ${JSON.stringify(days)}`,
      { days },
    );
  }
  return days;
}

/** A resolved deadline, and whether it rests on weekends-only counting in a year not loaded yet. */
export interface ResolvedDeadline {
  date: string;
  provisional: boolean;
}

/**
 * As resolveDeadline, but a `working_days` count that runs into a year without loaded 放假/调休 data counts
 * weekends only there and is marked provisional instead of refused (issue 10 §2).
 */
export function resolveDeadlineProvisional(
  deliveryDate: string,
  rule: DeadlineRule,
  calendar: WorkingDayCalendar = WorkingDayCalendar.default(),
): ResolvedDeadline {
  if (typeof rule === 'object' && rule !== null && rule.kind === 'working_days') {
    toDayNumber(deliveryDate, { zh: '送达日', en: 'deliveryDate' });
    return calendar.addWorkingDaysProvisional(deliveryDate, assertDays(rule.days));
  }
  return { date: resolveDeadline(deliveryDate, rule, calendar), provisional: false };
}
