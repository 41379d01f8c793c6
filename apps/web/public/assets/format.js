/**
 * Dates and numbers as the bureau reads them. Instants are shown in the bureau's time zone (Asia/Shanghai, as
 * the server's TIMEZONE default), not the browser's, so a deadline reads the same on every laptop.
 */

export const TIME_ZONE = 'Asia/Shanghai';
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

const parts = (date, withTime) =>
  Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: TIME_ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );

function toDate(value) {
  if (value === null || value === undefined || value === '') return null;
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** 'YYYY-MM-DD'. A calendar date string stays as it is (it has no time zone to convert). */
export function formatDate(value) {
  if (typeof value === 'string' && DATE_ONLY.test(value)) return value;
  const d = toDate(value);
  if (!d) return '—';
  const p = parts(d, false);
  return `${p.year}-${p.month}-${p.day}`;
}

/** 'YYYY-MM-DD HH:mm' in the bureau's time zone. */
export function formatDateTime(value) {
  if (typeof value === 'string' && DATE_ONLY.test(value)) return value;
  const d = toDate(value);
  if (!d) return '—';
  const p = parts(d, true);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** Today's calendar date in the bureau's time zone (default of 送达日 and 生效日期). */
export function today(now = new Date()) {
  return formatDate(now);
}

/** 80.08 → '80.08'; null → '—'. */
export function formatNumber(value, digits = 2) {
  if (value === null || value === undefined || Number.isNaN(Number(value))) return '—';
  return Number(value).toLocaleString('zh-CN', { maximumFractionDigits: digits });
}

/** 完成率 as a percentage; null (nothing to complete yet) is '—'. */
export function formatRate(value) {
  return value === null || value === undefined ? '—' : `${formatNumber(value, 1)}%`;
}

/** Budget figures come in 万元. */
export function formatWan(value) {
  return value === null || value === undefined ? '—' : `${formatNumber(value)} 万元`;
}

/** 评价分值/结论: '80.08 / 良'. */
export function formatScore(score, grade) {
  if ((score === null || score === undefined) && !grade) return '—';
  return `${formatNumber(score)} / ${grade || '—'}`;
}

export function formatSize(bytes) {
  if (bytes === null || bytes === undefined) return '—';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** 逾期 column: '否', or '是（N 天）'. */
export function formatOverdue(overdue, days) {
  if (!overdue) return '否';
  return days ? `是（${days} 天）` : '是';
}
