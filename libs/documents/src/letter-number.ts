/** 文号 in the 公文 form: prefix, year in 六角括号〔〕, sequence, 号 — e.g. 景财绩督〔2026〕12号. */
export function formatLetterNumber(prefix: string, year: number, seq: number): string {
  return `${prefix}〔${year}〕${seq}号`;
}

/** The calendar date (YYYY-MM-DD) of an instant in the bureau's time zone. */
export function civilDateIn(at: Date, timeZone: string): string {
  return at.toLocaleDateString('en-CA', { timeZone });
}

/** The year a letter is numbered in: the issuing date's year where the bureau is, not UTC's. */
export function letterYear(at: Date, timeZone: string): number {
  return Number(civilDateIn(at, timeZone).slice(0, 4));
}

/** 2026-12-02 → 2026年12月2日, as dates are written in 公文. */
export function chineseDate(ymd: string): string {
  const [y, m, d] = ymd.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** YYYY-MM-DD plus n calendar days. */
export function addCalendarDays(ymd: string, days: number): string {
  const t = Date.UTC(Number(ymd.slice(0, 4)), Number(ymd.slice(5, 7)) - 1, Number(ymd.slice(8, 10)));
  return new Date(t + days * 86400000).toISOString().slice(0, 10);
}
