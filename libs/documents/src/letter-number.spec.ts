import { addCalendarDays, chineseDate, civilDateIn, formatLetterNumber, letterYear } from './letter-number';

describe('letter numbers and dates', () => {
  it('formats a 文号 with 六角括号', () => {
    expect(formatLetterNumber('景财绩督', 2026, 12)).toBe('景财绩督〔2026〕12号');
  });

  it('takes the year where the bureau is: 31 Dec 17:00 UTC is already New Year in Shanghai', () => {
    const at = new Date('2026-12-31T17:00:00Z');
    expect(letterYear(at, 'Asia/Shanghai')).toBe(2027);
    expect(letterYear(at, 'UTC')).toBe(2026);
    expect(civilDateIn(at, 'Asia/Shanghai')).toBe('2027-01-01');
  });

  it('writes dates the 公文 way and adds days across a month end', () => {
    expect(chineseDate('2026-02-05')).toBe('2026年2月5日');
    expect(addCalendarDays('2026-12-29', 5)).toBe('2027-01-03');
  });
});
