export * from './calendar-error';
export { isCalendarDate } from './calendar-date';
export * from './holiday-year';
export { SHIPPED_HOLIDAY_YEARS } from './holiday-calendar.data';
export * from './working-day-calendar';
export * from './deadline-rule';
export * from './end-of-day-instant';
