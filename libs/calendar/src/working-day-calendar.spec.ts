import { CalendarError } from './calendar-error';
import { HolidayDataError, type HolidayYear } from './holiday-year';
import { WorkingDayCalendar } from './working-day-calendar';

const calendar = WorkingDayCalendar.default();

const expectCalendarError = (fn: () => unknown, code: CalendarError['code'], ...fragments: string[]) => {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(CalendarError);
  expect((caught as CalendarError).code).toBe(code);
  for (const fragment of fragments) expect((caught as CalendarError).message).toContain(fragment);
};

describe('WorkingDayCalendar', () => {
  it('is built from the shipped data and shared', () => {
    expect(calendar.coveredYears()).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    expect(WorkingDayCalendar.default()).toBe(calendar);
  });

  describe('dayKind / isWorkingDay / holidayName around 春节 2025', () => {
    it.each([
      ['2025-01-24', 'workday', true, null], // Fri
      ['2025-01-25', 'weekend', false, null], // Sat
      ['2025-01-26', 'makeup_workday', true, null], // Sun, 春节调休
      ['2025-01-27', 'workday', true, null], // Mon
      ['2025-01-28', 'holiday', false, '春节'], // 除夕, Tue
      ['2025-02-01', 'holiday', false, '春节'], // Sat inside the span
      ['2025-02-04', 'holiday', false, '春节'], // 初七, Tue
      ['2025-02-05', 'workday', true, null],
      ['2025-02-08', 'makeup_workday', true, null], // Sat, 春节调休
      ['2025-02-09', 'weekend', false, null],
      ['2025-10-08', 'holiday', false, '国庆节、中秋节'],
      ['2025-10-11', 'makeup_workday', true, null],
      ['2024-02-09', 'workday', true, null], // 除夕 2024: rest only "encouraged"
      ['2022-12-31', 'holiday', false, '元旦'], // from the 2023 notice
    ] as const)('%s is %s', (date, kind, working, name) => {
      expect(calendar.dayKind(date)).toBe(kind);
      expect(calendar.isWorkingDay(date)).toBe(working);
      expect(calendar.holidayName(date)).toBe(name);
    });
  });

  describe('addWorkingDays', () => {
    it('skips 春节 2025 and counts the 01-26 make-up Sunday', () => {
      // From Mon 2025-01-20, `from` not counted:
      // 01-21 Tue 1, 01-22 Wed 2, 01-23 Thu 3, 01-24 Fri 4, (01-25 Sat off), 01-26 Sun 调休 5,
      // 01-27 Mon 6, (01-28 … 02-04 春节), 02-05 Wed 7, 02-06 Thu 8, 02-07 Fri 9, 02-08 Sat 调休 10.
      expect(calendar.addWorkingDays('2025-01-20', 10)).toBe('2025-02-08');
      expect(calendar.addWorkingDays('2025-01-20', 6)).toBe('2025-01-27');
      expect(calendar.addWorkingDays('2025-01-20', 7)).toBe('2025-02-05');
    });

    it('skips 国庆节、中秋节 2025 with its make-up days', () => {
      // From Fri 2025-09-26: (09-27 Sat off), 09-28 Sun 调休 1, 09-29 Mon 2, 09-30 Tue 3,
      // (10-01 … 10-08 off), 10-09 Thu 4, 10-10 Fri 5, 10-11 Sat 调休 6, (10-12 Sun off), 10-13 Mon 7.
      expect(calendar.addWorkingDays('2025-09-26', 1)).toBe('2025-09-28');
      expect(calendar.addWorkingDays('2025-09-26', 3)).toBe('2025-09-30');
      expect(calendar.addWorkingDays('2025-09-26', 4)).toBe('2025-10-09');
      expect(calendar.addWorkingDays('2025-09-26', 6)).toBe('2025-10-11');
      expect(calendar.addWorkingDays('2025-09-26', 7)).toBe('2025-10-13');
    });

    it('skips 春节 2026 (nine days) and counts both make-up Saturdays', () => {
      // From Fri 2026-02-13: 02-14 Sat 调休 1, (02-15 … 02-23 off), 02-24 Tue 2, 02-25 3, 02-26 4,
      // 02-27 Fri 5, 02-28 Sat 调休 6, (03-01 Sun off), 03-02 Mon 7.
      expect(calendar.addWorkingDays('2026-02-13', 1)).toBe('2026-02-14');
      expect(calendar.addWorkingDays('2026-02-13', 2)).toBe('2026-02-24');
      expect(calendar.addWorkingDays('2026-02-13', 6)).toBe('2026-02-28');
      expect(calendar.addWorkingDays('2026-02-13', 7)).toBe('2026-03-02');
    });

    it('starts counting on Monday when delivered on a weekend', () => {
      // Sat 2025-03-15: 03-17 Mon 1, 03-18 2, 03-19 3, 03-20 4, 03-21 Fri 5, 03-24 Mon 6.
      expect(calendar.addWorkingDays('2025-03-15', 1)).toBe('2025-03-17');
      expect(calendar.addWorkingDays('2025-03-15', 6)).toBe('2025-03-24');
    });

    it('crosses New Year inside the data (2025 → 2026, 元旦 2026 with 01-04 make-up Sunday)', () => {
      // From Tue 2025-12-30: 12-31 Wed 1, (01-01 … 01-03 off), 01-04 Sun 调休 2, 01-05 Mon 3.
      expect(calendar.addWorkingDays('2025-12-30', 2)).toBe('2026-01-04');
      expect(calendar.addWorkingDays('2025-12-30', 3)).toBe('2026-01-05');
    });

    it('refuses to count into 2027, which has no data', () => {
      // From Fri 2026-12-25: 12-28 Mon 1, 12-29 2, 12-30 3, 12-31 Thu 4, then 2027-01-01 is unknown.
      expect(calendar.addWorkingDays('2026-12-25', 4)).toBe('2026-12-31');
      expectCalendarError(
        () => calendar.addWorkingDays('2026-12-25', 5),
        'YEAR_NOT_COVERED',
        '2027',
        '2020–2026',
      );
      expectCalendarError(() => calendar.addWorkingDays('2019-12-30', 1), 'YEAR_NOT_COVERED', '2019');
    });

    it('returns `from` for n = 0 and rejects negative or fractional n', () => {
      expect(calendar.addWorkingDays('2025-01-28', 0)).toBe('2025-01-28');
      expectCalendarError(() => calendar.addWorkingDays('2025-01-20', -1), 'INVALID_RULE', '-1');
      expectCalendarError(() => calendar.addWorkingDays('2025-01-20', 1.5), 'INVALID_RULE');
      expectCalendarError(() => calendar.addWorkingDays('2025-01-20', Number.NaN), 'INVALID_RULE');
      expectCalendarError(() => calendar.addWorkingDays('2025-02-30', 1), 'INVALID_DATE', '2025-02-30');
    });
  });

  describe('subtractWorkingDays', () => {
    it('steps back over 春节 2025 and its make-up days', () => {
      // Back from Mon 2025-02-10: 02-08 Sat 调休 1, 02-07 Fri 2, … 02-05 Wed 4, (02-04 … 01-28 off),
      // 01-27 Mon 5, 01-26 Sun 调休 6, 01-24 Fri 7.
      expect(calendar.subtractWorkingDays('2025-02-10', 1)).toBe('2025-02-08');
      expect(calendar.subtractWorkingDays('2025-02-10', 5)).toBe('2025-01-27');
      expect(calendar.subtractWorkingDays('2025-02-10', 6)).toBe('2025-01-26');
      expect(calendar.subtractWorkingDays('2025-02-10', 7)).toBe('2025-01-24');
      expect(calendar.subtractWorkingDays('2025-02-10', 0)).toBe('2025-02-10');
    });

    it('refuses to step back into 2019', () => {
      // Back from Fri 2020-01-03: 01-02 Thu 1, (01-01 元旦), then 2019-12-31 is unknown.
      expect(calendar.subtractWorkingDays('2020-01-03', 1)).toBe('2020-01-02');
      expectCalendarError(() => calendar.subtractWorkingDays('2020-01-03', 2), 'YEAR_NOT_COVERED', '2019');
    });
  });

  describe('workingDaysBetween', () => {
    it('counts (from, to] and is negative when to is before from', () => {
      expect(calendar.workingDaysBetween('2025-01-20', '2025-02-08')).toBe(10);
      expect(calendar.workingDaysBetween('2025-02-08', '2025-01-20')).toBe(-10);
      expect(calendar.workingDaysBetween('2025-01-28', '2025-01-28')).toBe(0);
      expect(calendar.workingDaysBetween('2025-01-27', '2025-02-04')).toBe(0);
    });

    it.each([
      // days in year − Saturdays/Sundays − statutory days (11 until 2024, 13 from 2025); 2020 lost 2 more.
      [2020, 366 - 104 - 11 - 2],
      [2021, 365 - 104 - 11],
      [2022, 365 - 105 - 11],
      [2023, 365 - 105 - 11],
      [2024, 366 - 104 - 11],
      [2025, 365 - 104 - 13],
      [2026, 365 - 104 - 13],
    ])('%i has %i working days', (year, expected) => {
      // `from` itself is never examined, so 12-31 of an uncovered year is a fine starting point.
      expect(calendar.workingDaysBetween(`${year - 1}-12-31`, `${year}-12-31`)).toBe(expected);
    });

    it('agrees with addWorkingDays and subtractWorkingDays everywhere in the data', () => {
      for (let month = 1; month <= 12; month += 1) {
        for (const year of [2020, 2023, 2025]) {
          const from = `${year}-${String(month).padStart(2, '0')}-15`;
          for (const n of [1, 3, 7, 10, 30]) {
            const to = calendar.addWorkingDays(from, n);
            expect(calendar.workingDaysBetween(from, to)).toBe(n);
            expect(calendar.isWorkingDay(to)).toBe(true);
            expect(calendar.subtractWorkingDays(to, n) <= from).toBe(true);
          }
        }
      }
    });

    it('needs data for every day it counts', () => {
      expectCalendarError(
        () => calendar.workingDaysBetween('2026-12-01', '2027-01-31'),
        'YEAR_NOT_COVERED',
        '2027',
      );
    });
  });

  describe('addCalendarDays', () => {
    it.each([
      ['2024-02-28', 1, '2024-02-29'],
      ['2023-02-28', 1, '2023-03-01'],
      ['2024-01-31', 30, '2024-03-01'],
      ['2025-01-31', 30, '2025-03-02'],
      ['2025-01-15', 90, '2025-04-15'],
      ['2025-12-31', 1, '2026-01-01'],
      ['2030-06-01', 30, '2030-07-01'], // no holiday data needed
      ['2025-03-01', -1, '2025-02-28'],
      ['2025-03-01', 0, '2025-03-01'],
    ])('%s + %i days = %s', (from, n, expected) => {
      expect(calendar.addCalendarDays(from, n)).toBe(expected);
    });

    it('rejects a fractional count and an invalid date', () => {
      expectCalendarError(() => calendar.addCalendarDays('2025-01-01', 0.5), 'INVALID_RULE');
      expectCalendarError(() => calendar.addCalendarDays('2023-02-29', 1), 'INVALID_DATE', '2023-02-29');
    });
  });

  describe('outside the data', () => {
    it.each(['isWorkingDay', 'dayKind', 'holidayName'] as const)(
      '%s throws YEAR_NOT_COVERED naming the year',
      (method) => {
        expectCalendarError(() => calendar[method]('2027-03-01'), 'YEAR_NOT_COVERED', '2027', '2027-03-01');
        expectCalendarError(() => calendar[method]('2019-10-01'), 'YEAR_NOT_COVERED', '2019');
      },
    );

    it('carries the facts in details', () => {
      try {
        calendar.isWorkingDay('2027-03-01');
        throw new Error('expected a CalendarError');
      } catch (error) {
        expect((error as CalendarError).details).toEqual({
          year: 2027,
          date: '2027-03-01',
          coveredYears: [2020, 2021, 2022, 2023, 2024, 2025, 2026],
        });
      }
    });
  });

  describe('constructor', () => {
    const year2030: HolidayYear = {
      year: 2030,
      source: 'test',
      holidays: [{ date: '2030-01-01', name: '元旦' }],
      workdays: [{ date: '2030-01-05', name: '测试调休' }],
    };

    it('works with any set of years and lists gaps in its errors', () => {
      const custom = new WorkingDayCalendar([
        year2030,
        { ...year2030, year: 2032, holidays: [], workdays: [] },
      ]);
      expect(custom.coveredYears()).toEqual([2030, 2032]);
      expect(custom.isWorkingDay('2030-01-01')).toBe(false);
      expect(custom.dayKind('2030-01-05')).toBe('makeup_workday');
      expectCalendarError(
        () => custom.isWorkingDay('2031-05-05'),
        'YEAR_NOT_COVERED',
        '2030、2032',
        '2030, 2032',
      );
    });

    it('rejects invalid or duplicated years', () => {
      expect(() => new WorkingDayCalendar([year2030, year2030])).toThrow(HolidayDataError);
      expect(
        () => new WorkingDayCalendar([{ ...year2030, holidays: [{ date: '2031-01-01', name: 'x' }] }]),
      ).toThrow(HolidayDataError);
    });

    it('with no data refuses every working-day question', () => {
      expectCalendarError(
        () => new WorkingDayCalendar([]).isWorkingDay('2025-01-02'),
        'YEAR_NOT_COVERED',
        '2025',
      );
    });
  });
});
