import { addDays, daysBetween, monthRange, startOfLocalDay, utcOffset, weekStart } from './dashboard-dates';

describe('dashboard dates (bureau calendar)', () => {
  it('finds the Monday of a week, across a month end', () => {
    expect(weekStart('2026-12-02')).toBe('2026-11-30'); // a Wednesday
    expect(weekStart('2026-11-30')).toBe('2026-11-30'); // a Monday
    expect(weekStart('2026-12-06')).toBe('2026-11-30'); // a Sunday
  });

  it('gives the month range, February of a leap year included', () => {
    expect(monthRange('2028-02-10')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthRange('2026-12-31')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });

  it('adds and counts calendar days', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(daysBetween('2026-12-30', '2027-01-02')).toBe(3);
    expect(daysBetween('2027-01-02', '2026-12-30')).toBe(-3);
  });

  it('starts a Shanghai day at 16:00 UTC the evening before', () => {
    expect(utcOffset(new Date('2026-12-02T00:00:00Z'), 'Asia/Shanghai')).toBe('+08:00');
    expect(utcOffset(new Date('2026-12-02T00:00:00Z'), 'UTC')).toBe('+00:00');
    expect(startOfLocalDay('2026-12-01', 'Asia/Shanghai').toISOString()).toBe('2026-11-30T16:00:00.000Z');
  });
});
