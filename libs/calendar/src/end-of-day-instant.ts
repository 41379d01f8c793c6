import { daysFromCivil, parseCivilDate } from './calendar-date';
import { CalendarError } from './calendar-error';

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The instant a deadline date ends in `timeZone`: '2025-03-31' → 2025-03-31T23:59:59.999+08:00.
 * A deadline date means "by the end of that day where the bureau is", not midnight UTC; timers and
 * overdue checks compare against this instant.
 *
 * Uses the runtime's IANA zone data (Intl) rather than a fixed +08:00, so a zone with daylight
 * saving gets the offset in force at that moment. Computed as next local midnight minus 1 ms.
 */
export function endOfDayInstant(date: string, timeZone = 'Asia/Shanghai'): Date {
  const civil = parseCivilDate(date);
  if (!civil) throw CalendarError.invalidDate(date, { zh: '期限日期', en: 'date' });
  const nextMidnightWall = (daysFromCivil(civil) + 1) * DAY_MS;
  return new Date(wallTimeToInstant(nextMidnightWall, formatterFor(timeZone)) - 1);
}

/** `wall` is the local wall-clock time encoded as if it were UTC milliseconds. */
function wallTimeToInstant(wall: number, formatter: Intl.DateTimeFormat): number {
  const firstGuess = wall - offsetAt(wall, formatter);
  // The offset at the guess can differ from the offset at `wall` near a DST switch; one more
  // round settles it (the instant after a spring-forward gap when the wall time does not exist).
  const offset = offsetAt(firstGuess, formatter);
  return wall - offset;
}

function offsetAt(instant: number, formatter: Intl.DateTimeFormat): number {
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const wall =
    daysFromCivil({ year: parts.year, month: parts.month, day: parts.day }) * DAY_MS +
    ((parts.hour * 60 + parts.minute) * 60 + parts.second) * 1000;
  return wall - (instant - (((instant % 1000) + 1000) % 1000));
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter) return formatter;
  try {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    throw new CalendarError(
      'INVALID_DATE',
      `无效的时区 "${timeZone}" / invalid time zone "${timeZone}" (expected an IANA name such as Asia/Shanghai)`,
      { timeZone },
    );
  }
  formatters.set(timeZone, formatter);
  return formatter;
}
