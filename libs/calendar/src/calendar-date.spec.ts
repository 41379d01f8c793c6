import {
  civilFromDays,
  daysFromCivil,
  fromDayNumber,
  isCalendarDate,
  toDayNumber,
  weekdayOf,
} from './calendar-date';
import { CalendarError } from './calendar-error';

describe('calendar-date', () => {
  it.each(['2025-01-01', '2024-02-29', '2000-02-29', '2025-12-31', '0001-01-01', '9999-12-31'])(
    'accepts the real date %s',
    (date) => {
      expect(isCalendarDate(date)).toBe(true);
      expect(fromDayNumber(toDayNumber(date))).toBe(date);
    },
  );

  it.each([
    ['2025-02-30', 'no 30 February'],
    ['2023-02-29', 'not a leap year'],
    ['1900-02-29', 'century, not divisible by 400'],
    ['2025-04-31', 'April has 30 days'],
    ['2025-13-01', 'month 13'],
    ['2025-00-10', 'month 0'],
    ['2025-01-00', 'day 0'],
    ['0000-01-01', 'year 0'],
    ['2025-1-5', 'missing zero padding'],
    ['2025/01/05', 'wrong separator'],
    ['2025-01-05T00:00:00Z', 'a timestamp, not a date'],
    [' 2025-01-05', 'leading space'],
    ['', 'empty'],
  ])('rejects %s (%s) with INVALID_DATE naming the value', (date) => {
    expect(isCalendarDate(date)).toBe(false);
    expect(() => toDayNumber(date)).toThrow(CalendarError);
    expect(() => toDayNumber(date)).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
    expect(() => toDayNumber(date)).toThrow(`"${date}"`);
  });

  it.each([undefined, null, 20250105, new Date('2025-01-05')])('rejects the non-string %p', (value) => {
    expect(() => toDayNumber(value)).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
  });

  it('agrees with Date.UTC on day numbers and weekdays for every day 1999–2031', () => {
    const start = Date.UTC(1999, 0, 1);
    for (let ms = start; ms <= Date.UTC(2031, 11, 31); ms += 86_400_000) {
      const date = new Date(ms);
      const iso = date.toISOString().slice(0, 10);
      const dayNumber = ms / 86_400_000;
      expect(toDayNumber(iso)).toBe(dayNumber);
      expect(weekdayOf(dayNumber)).toBe(date.getUTCDay());
    }
  });

  it('round-trips across the Gregorian 400-year cycle and before the epoch', () => {
    for (const dayNumber of [-719_162, -146_097, -1, 0, 1, 10_957, 146_097, 2_932_896]) {
      expect(daysFromCivil(civilFromDays(dayNumber))).toBe(dayNumber);
    }
    expect(fromDayNumber(0)).toBe('1970-01-01');
    expect(fromDayNumber(-1)).toBe('1969-12-31');
  });
});
