/** Calendar days past the deadline, counted up to closure (or today while open). 0 when not overdue. */
export function overdueDays(
  deadline: string,
  end: Date | null,
  today = new Date(),
  timeZone = 'Asia/Shanghai',
): number {
  const endDay = (end ?? today).toLocaleDateString('en-CA', { timeZone });
  const days = Math.round((Date.parse(endDay) - Date.parse(deadline)) / 86400000);
  return Math.max(0, days);
}
