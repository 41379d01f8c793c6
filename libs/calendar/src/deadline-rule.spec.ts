import { CalendarError } from './calendar-error';
import { resolveDeadline, resolveDeadlineProvisional, type DeadlineRule } from './deadline-rule';
import { WorkingDayCalendar } from './working-day-calendar';

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    return error instanceof CalendarError ? error.code : `not a CalendarError: ${String(error)}`;
  }
  return undefined;
};

describe('resolveDeadline', () => {
  describe('working_days', () => {
    it('counts from the day after delivery, skipping 春节 and counting 调休 (hand count in working-day-calendar.spec)', () => {
      expect(resolveDeadline('2025-01-20', { kind: 'working_days', days: 10 })).toBe('2025-02-08');
    });

    it('30 working days from delivery on 2025-09-15 skip 国庆节、中秋节', () => {
      // 09-16 … 09-30: 11 weekdays + 09-28 Sun 调休 = 12; 10-09, 10-10, 10-11 Sat 调休 = 15;
      // then 10-13 … 10-31 = 15 weekdays → the 30th is Fri 10-31.
      expect(resolveDeadline('2025-09-15', { kind: 'working_days', days: 30 })).toBe('2025-10-31');
    });

    it('refuses a rule that reaches a year without data', () => {
      expect(resolveDeadline('2026-12-25', { kind: 'working_days', days: 4 })).toBe('2026-12-31');
      expect(codeOf(() => resolveDeadline('2026-12-25', { kind: 'working_days', days: 5 }))).toBe(
        'YEAR_NOT_COVERED',
      );
      expect(() => resolveDeadline('2026-12-25', { kind: 'working_days', days: 20 })).toThrow(/2027/);
    });

    it('uses the calendar it is given', () => {
      const bare = new WorkingDayCalendar([{ year: 2025, source: 'test', holidays: [], workdays: [] }]);
      // Without holiday data 2025-01-28 is an ordinary Tuesday.
      expect(resolveDeadline('2025-01-27', { kind: 'working_days', days: 1 }, bare)).toBe('2025-01-28');
      expect(resolveDeadline('2025-01-27', { kind: 'working_days', days: 1 })).toBe('2025-02-05');
    });
  });

  describe('calendar_days', () => {
    it.each([
      ['2025-01-20', 30, '2025-02-19'],
      ['2024-02-01', 28, '2024-02-29'], // leap year
      ['2023-02-01', 28, '2023-03-01'],
      ['2025-10-02', 90, '2025-12-31'],
      ['2026-12-15', 30, '2027-01-14'], // no holiday data needed
      ['2019-06-01', 10, '2019-06-11'],
      ['2025-01-28', 0, '2025-01-28'],
    ])('%s + %i calendar days = %s, even on a holiday', (delivery, days, expected) => {
      expect(resolveDeadline(delivery, { kind: 'calendar_days', days })).toBe(expected);
    });
  });

  describe('date', () => {
    it('returns the date, which may be the delivery date or outside the data', () => {
      expect(resolveDeadline('2025-03-01', { kind: 'date', date: '2025-03-31' })).toBe('2025-03-31');
      expect(resolveDeadline('2025-03-01', { kind: 'date', date: '2025-03-01' })).toBe('2025-03-01');
      expect(resolveDeadline('2026-11-01', { kind: 'date', date: '2027-06-30' })).toBe('2027-06-30');
    });

    it('rejects a date before the delivery date with INVALID_RULE naming both dates', () => {
      const attempt = () => resolveDeadline('2025-03-01', { kind: 'date', date: '2025-02-28' });
      expect(codeOf(attempt)).toBe('INVALID_RULE');
      expect(attempt).toThrow(/2025-02-28.*2025-03-01/);
    });

    it('rejects an impossible date with INVALID_DATE', () => {
      expect(codeOf(() => resolveDeadline('2025-01-01', { kind: 'date', date: '2025-02-30' }))).toBe(
        'INVALID_DATE',
      );
    });
  });

  describe('invalid input', () => {
    it.each<[string, unknown]>([
      ['negative days', { kind: 'working_days', days: -1 }],
      ['fractional days', { kind: 'calendar_days', days: 1.5 }],
      ['days as a string', { kind: 'working_days', days: '10' }],
      ['missing days', { kind: 'calendar_days' }],
      ['infinite days', { kind: 'calendar_days', days: Number.POSITIVE_INFINITY }],
      ['an unknown kind', { kind: 'weeks', days: 2 }],
      ['no rule', null],
    ])('rejects %s with INVALID_RULE', (_, rule) => {
      expect(codeOf(() => resolveDeadline('2025-01-20', rule as DeadlineRule))).toBe('INVALID_RULE');
    });

    it.each(['2025-02-30', '2025/01/20', '', '20250120'])(
      'rejects the delivery date %p with INVALID_DATE',
      (date) => {
        expect(codeOf(() => resolveDeadline(date, { kind: 'calendar_days', days: 1 }))).toBe('INVALID_DATE');
        expect(() => resolveDeadline(date, { kind: 'calendar_days', days: 1 })).toThrow('送达日');
      },
    );
  });
});

describe('resolveDeadlineProvisional', () => {
  const shipped = WorkingDayCalendar.default();

  it('counts weekends only in a year not loaded and marks the deadline provisional', () => {
    // 2026-12-02 (Wed) + 30 working days, 2027 not loaded: 21 in December 2026, 9 in January 2027.
    const r = resolveDeadlineProvisional('2026-12-02', { kind: 'working_days', days: 30 }, shipped);
    expect(r).toEqual({ date: '2027-01-13', provisional: true });
  });

  it('is not provisional when every counted day lies in a loaded year', () => {
    expect(resolveDeadlineProvisional('2026-09-01', { kind: 'working_days', days: 10 }, shipped)).toEqual({
      date: resolveDeadline('2026-09-01', { kind: 'working_days', days: 10 }, shipped),
      provisional: false,
    });
    expect(resolveDeadlineProvisional('2026-12-02', { kind: 'calendar_days', days: 60 }, shipped)).toEqual({
      date: '2027-01-31',
      provisional: false,
    });
  });

  it('moves and stops being provisional once the year is loaded', () => {
    const loaded = shipped.withYears([
      {
        year: 2027,
        source: '测试',
        holidays: [{ date: '2027-01-04', name: '测试假日' }],
        workdays: [],
      },
    ]);
    expect(resolveDeadlineProvisional('2026-12-02', { kind: 'working_days', days: 30 }, loaded)).toEqual({
      date: '2027-01-14',
      provisional: false,
    });
  });
});
