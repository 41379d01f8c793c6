import { calendarYearProblem } from './calendar-year-rules';

describe('loading a holiday year', () => {
  it('accepts real dates of the year, 调休 on weekends', () => {
    expect(calendarYearProblem(2027, ['2027-01-01', '2027-02-06'], ['2027-02-14'])).toBeNull();
    expect(calendarYearProblem(2027, [], [])).toBeNull();
  });

  it('refuses, in Chinese, dates outside the year, unreal dates, duplicates, overlaps and weekday 调休', () => {
    expect(calendarYearProblem(2027, ['2026-12-31'], [])).toBe(
      '放假日期（holidays）中的 2026-12-31 不在 2027 年内',
    );
    expect(calendarYearProblem(2027, ['2027-02-30'], [])).toContain('不是有效日期');
    expect(calendarYearProblem(2027, ['2027-01-01', '2027-01-01'], [])).toContain('重复');
    expect(calendarYearProblem(2027, ['2027-02-14'], ['2027-02-14'])).toContain(
      '不能既是放假日又是调休上班日',
    );
    expect(calendarYearProblem(2027, [], ['2027-02-15'])).toBe('调休上班日 2027-02-15 不是周六或周日');
    expect(calendarYearProblem(1999, [], [])).toContain('年份');
    expect(calendarYearProblem(2027, 'x', [])).toContain('须为日期列表');
  });
});
