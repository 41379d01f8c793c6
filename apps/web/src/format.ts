import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import 'dayjs/locale/zh-cn';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.locale('zh-cn');

/** Dates a person reads are the bureau's (TIMEZONE on the server; Asia/Shanghai for every bureau here). */
export const BUREAU_TZ = 'Asia/Shanghai';
dayjs.tz.setDefault(BUREAU_TZ);

export { dayjs };

export const today = (): string => dayjs().tz(BUREAU_TZ).format('YYYY-MM-DD');
export const addDays = (date: string, n: number): string => dayjs(date).add(n, 'day').format('YYYY-MM-DD');

export function formatDateTime(at: string | null | undefined): string {
  return at ? dayjs(at).tz(BUREAU_TZ).format('YYYY-MM-DD HH:mm') : '—';
}

export function formatDate(date: string | null | undefined): string {
  if (!date) return '—';
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : dayjs(date).tz(BUREAU_TZ).format('YYYY-MM-DD');
}

/** "剩余 5 天" / "今日到期" / "逾期 3 天" */
export function daysLeftText(days: number): string {
  if (days > 0) return `剩余 ${days} 天`;
  if (days === 0) return '今日到期';
  return `逾期 ${-days} 天`;
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export const percent = (rate: number | null | undefined): string =>
  rate === null || rate === undefined ? '—' : `${Math.round(rate * 1000) / 10}%`;
