import { CalendarError } from './calendar-error';
import { endOfDayInstant } from './end-of-day-instant';

describe('endOfDayInstant', () => {
  it('ends a deadline date at 23:59:59.999 in Asia/Shanghai by default', () => {
    expect(endOfDayInstant('2025-03-31')).toEqual(new Date('2025-03-31T23:59:59.999+08:00'));
    expect(endOfDayInstant('2025-03-31').toISOString()).toBe('2025-03-31T15:59:59.999Z');
  });

  it('handles month, year and leap-day ends', () => {
    expect(endOfDayInstant('2024-02-29').toISOString()).toBe('2024-02-29T15:59:59.999Z');
    expect(endOfDayInstant('2025-12-31').toISOString()).toBe('2025-12-31T15:59:59.999Z');
  });

  it('does not depend on the process time zone (TZ is whatever the server has)', () => {
    // Computed from the day number and Intl only; re-running under another TZ would change a Date-based version.
    expect(endOfDayInstant('2025-01-01', 'Asia/Shanghai').getTime()).toBe(
      Date.UTC(2025, 0, 1, 15, 59, 59, 999),
    );
  });

  it('honours other zones, including daylight-saving days', () => {
    expect(endOfDayInstant('2025-03-31', 'UTC').toISOString()).toBe('2025-03-31T23:59:59.999Z');
    // New York springs forward on 2025-03-09 (day is 23 h long) and falls back on 2025-11-02 (25 h).
    expect(endOfDayInstant('2025-03-08', 'America/New_York')).toEqual(
      new Date('2025-03-08T23:59:59.999-05:00'),
    );
    expect(endOfDayInstant('2025-03-09', 'America/New_York')).toEqual(
      new Date('2025-03-09T23:59:59.999-04:00'),
    );
    expect(endOfDayInstant('2025-11-02', 'America/New_York')).toEqual(
      new Date('2025-11-02T23:59:59.999-05:00'),
    );
    expect(endOfDayInstant('2025-06-30', 'Australia/Lord_Howe')).toEqual(
      new Date('2025-06-30T23:59:59.999+10:30'),
    );
  });

  it('rejects an invalid date or time zone', () => {
    expect(() => endOfDayInstant('2025-02-30')).toThrow(CalendarError);
    expect(() => endOfDayInstant('2025-02-30')).toThrow('2025-02-30');
    expect(() => endOfDayInstant('2025-03-31', 'Mars/Olympus')).toThrow(/Mars\/Olympus/);
    expect(() => endOfDayInstant('2025-03-31', 'Mars/Olympus')).toThrow(
      expect.objectContaining({ code: 'INVALID_DATE' }),
    );
  });
});
