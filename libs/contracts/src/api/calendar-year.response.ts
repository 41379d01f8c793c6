/** One year's 放假/调休 arrangement the server counts working days with. */
export interface CalendarYear {
  year: number;
  /** shipped: released with the system; admin: loaded by an administrator */
  origin: 'shipped' | 'admin';
  holidays: string[];
  workdays: string[];
  /** ISO 8601; null for a shipped year */
  updatedAt: string | null;
}

/** GET /admin/calendar/years */
export interface CalendarYears {
  years: CalendarYear[];
  note: string;
}

/** PUT /admin/calendar/years/:year: the year as stored, and the open items whose deadline was recounted. */
export interface PutCalendarYearResult {
  year: CalendarYear;
  recomputed: number;
  failed: string[];
}
