import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { CalendarYearEntity } from '@rectiflow/persistence';
import { Repository } from 'typeorm';
import type { HolidayYear } from './holiday-year';
import { WorkingDayCalendar } from './working-day-calendar';

/** How often a process looks for years another process loaded (the API loads, the worker follows). */
const REFRESH_MS = 30_000;

/** A year an administrator loaded, as the calendar takes it. */
export function toHolidayYear(row: Pick<CalendarYearEntity, 'year' | 'holidays' | 'workdays'>): HolidayYear {
  return {
    year: row.year,
    source: '管理员载入',
    holidays: [...row.holidays].sort().map((date) => ({ date, name: '放假' })),
    workdays: [...row.workdays].sort().map((date) => ({ date, name: '调休上班' })),
  };
}

/**
 * The working-day calendar of this process: the shipped years plus the years loaded through the admin API
 * (stored in `calendar_year`, which win over a shipped file of the same year). Loaded at boot, reloaded at
 * once after a change made here and within REFRESH_MS after one made by the other process.
 */
@Injectable()
export class HolidayCalendarProvider implements OnModuleInit, OnModuleDestroy {
  private readonly log = new Logger(HolidayCalendarProvider.name);
  private calendar = WorkingDayCalendar.default();
  private loaded: CalendarYearEntity[] = [];
  private stamp = '';
  private timer?: NodeJS.Timeout;

  constructor(@InjectRepository(CalendarYearEntity) private readonly years: Repository<CalendarYearEntity>) {}

  async onModuleInit(): Promise<void> {
    await this.reload();
    this.timer = setInterval(() => {
      this.refreshIfChanged().catch((err: unknown) =>
        this.log.warn(`calendar refresh failed: ${(err as Error).message}`),
      );
    }, REFRESH_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  current(): WorkingDayCalendar {
    return this.calendar;
  }

  /** The years an administrator loaded, as stored. */
  loadedYears(): readonly CalendarYearEntity[] {
    return this.loaded;
  }

  async reload(): Promise<void> {
    const rows = await this.years.find({ order: { year: 'ASC' } });
    this.calendar = WorkingDayCalendar.default().withYears(rows.map(toHolidayYear));
    this.loaded = rows;
    this.stamp = stampOf(rows);
  }

  private async refreshIfChanged(): Promise<void> {
    const rows = await this.years.find({ select: { year: true, updatedAt: true }, order: { year: 'ASC' } });
    if (stampOf(rows) !== this.stamp) await this.reload();
  }
}

const stampOf = (rows: Pick<CalendarYearEntity, 'year' | 'updatedAt'>[]): string =>
  rows.map((r) => `${r.year}@${new Date(r.updatedAt).getTime()}`).join(',');
