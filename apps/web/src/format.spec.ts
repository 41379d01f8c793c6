import {
  formatDate,
  formatDateTime,
  formatOverdue,
  formatRate,
  formatScore,
  formatSize,
  formatWan,
  today,
} from '../public/assets/format.js';

describe('date and number formatting', () => {
  it('shows instants in the bureau’s time zone, whatever the machine’s', () => {
    // 15:59:59Z is the last second of the day in Asia/Shanghai (UTC+8): a deadline instant.
    expect(formatDateTime('2027-02-25T15:59:59.999Z')).toBe('2027-02-25 23:59');
    expect(formatDate('2027-02-25T16:00:00.000Z')).toBe('2027-02-26');
    expect(formatDateTime(new Date(Date.UTC(2026, 0, 1, 0, 5)))).toBe('2026-01-01 08:05');
  });

  it('keeps calendar dates as they are and dashes missing or invalid values', () => {
    expect(formatDate('2026-10-09')).toBe('2026-10-09');
    expect(formatDateTime('2026-10-09')).toBe('2026-10-09');
    expect(formatDate(null)).toBe('—');
    expect(formatDateTime('not a date')).toBe('—');
  });

  it('gives today as the bureau’s calendar reads it', () => {
    expect(today(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01-01');
  });

  it('formats rates, budget figures, scores, sizes and the overdue column', () => {
    expect(formatRate(75)).toBe('75%');
    expect(formatRate(33.333)).toBe('33.3%');
    expect(formatRate(null)).toBe('—');
    expect(formatWan(1659)).toBe('1,659 万元');
    expect(formatWan(null)).toBe('—');
    expect(formatScore(80.08, '良')).toBe('80.08 / 良');
    expect(formatScore(null, null)).toBe('—');
    expect(formatSize(512)).toBe('512 B');
    expect(formatSize(2048)).toBe('2.0 KB');
    expect(formatSize(5 * 1024 * 1024)).toBe('5.0 MB');
    expect(formatOverdue(false, 0)).toBe('否');
    expect(formatOverdue(true, 12)).toBe('是（12 天）');
  });
});
