import { HolidayDataError, validateHolidayYear } from './holiday-year';

const valid = () => ({
  year: 2025,
  source: '国办发明电〔2024〕12号',
  holidays: [
    { date: '2025-01-28', name: '春节' },
    { date: '2025-01-29', name: '春节' },
  ],
  workdays: [{ date: '2025-01-26', name: '春节调休' }],
});

describe('validateHolidayYear', () => {
  it('accepts well-formed data and freezes it', () => {
    const year = validateHolidayYear(valid(), 'test');
    expect(year.year).toBe(2025);
    expect(Object.isFrozen(year)).toBe(true);
    expect(Object.isFrozen(year.holidays)).toBe(true);
  });

  it.each<[string, (data: ReturnType<typeof valid>) => unknown, RegExp]>([
    [
      'a date outside the year',
      (d) => ({ ...d, holidays: [{ date: '2024-12-31', name: '元旦' }] }),
      /outside 2025/,
    ],
    ['an impossible date', (d) => ({ ...d, holidays: [{ date: '2025-02-30', name: '春节' }] }), /not a real/],
    ['unsorted holidays', (d) => ({ ...d, holidays: [d.holidays[1], d.holidays[0]] }), /must be sorted/],
    [
      'a duplicated date',
      (d) => ({ ...d, holidays: [d.holidays[0], d.holidays[0]] }),
      /must be sorted, no duplicates/,
    ],
    [
      'a date both holiday and workday',
      (d) => ({
        ...d,
        holidays: [{ date: '2025-02-01', name: '春节' }],
        workdays: [{ date: '2025-02-01', name: '春节调休' }],
      }),
      /both as holiday and as workday/,
    ],
    [
      'a make-up workday on a weekday',
      (d) => ({ ...d, workdays: [{ date: '2025-01-27', name: '春节调休' }] }),
      /not a Saturday or Sunday/,
    ],
    ['a missing source', (d) => ({ ...d, source: ' ' }), /source/],
    ['a non-integer year', (d) => ({ ...d, year: '2025' }), /"year"/],
    ['an unknown field (a typo such as "holiday")', (d) => ({ ...d, holiday: [] }), /unknown field/],
    ['an empty name', (d) => ({ ...d, workdays: [{ date: '2025-01-26', name: '' }] }), /name/],
    ['workdays not an array', (d) => ({ ...d, workdays: undefined }), /"workdays" must be an array/],
  ])('rejects %s', (_, mutate, message) => {
    const attempt = () => validateHolidayYear(mutate(valid()), 'data/2025.json');
    expect(attempt).toThrow(HolidayDataError);
    expect(attempt).toThrow(message);
    expect(attempt).toThrow('data/2025.json');
  });
});
