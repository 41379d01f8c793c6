/**
 * Calendar arithmetic on the bureau's dates (YYYY-MM-DD strings in its time zone). The dashboard's windows
 * ("due in 7 days", "this month", weeks) are dates a person reads, so they are taken in TIMEZONE, not UTC.
 */
export function localDate(at: Date, timeZone: string): string {
  return at.toLocaleDateString('en-CA', { timeZone });
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86400000);
}

/** The Monday on or before `date`. */
export function weekStart(date: string): string {
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(date, -((dow + 6) % 7));
}

export function monthRange(date: string): { from: string; to: string } {
  const [y, m] = date.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const mm = String(m).padStart(2, '0');
  return { from: `${y}-${mm}-01`, to: `${y}-${mm}-${String(last).padStart(2, '0')}` };
}

/**
 * The zone's offset from UTC at `at`, as MySQL's '+08:00' (for CONVERT_TZ without the server's zone tables).
 * Asia/Shanghai has no DST, so one offset holds over the dashboard's windows.
 */
export function utcOffset(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(at);
  const name = parts.find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-]\d{2}):?(\d{2})?/.exec(name);
  return m ? `${m[1]}:${m[2] ?? '00'}` : '+00:00';
}

/** The instant a local date starts, e.g. 2026-12-01 in Asia/Shanghai → 2026-11-30T16:00:00.000Z. */
export function startOfLocalDay(date: string, timeZone: string): Date {
  const guess = new Date(`${date}T00:00:00Z`);
  const offset = utcOffset(guess, timeZone);
  return new Date(`${date}T00:00:00${offset}`);
}
