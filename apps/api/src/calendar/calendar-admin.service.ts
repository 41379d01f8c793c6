import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Client } from '@temporalio/client';
import { In, Not, Repository } from 'typeorm';
import { AuditService } from '@rectiflow/audit';
import type { AuthUser } from '@rectiflow/auth';
import {
  calendarYearProblem,
  endOfDayInstant,
  HolidayCalendarProvider,
  resolveDeadlineProvisional,
  SHIPPED_HOLIDAY_YEARS,
} from '@rectiflow/calendar';
import { AppError } from '@rectiflow/common';
import { AppConfig } from '@rectiflow/config';
import { FINAL_STATUSES, recalendarDeadlineUpdate, RectificationState } from '@rectiflow/contracts';
import { CalendarYearEntity, RectificationEntity } from '@rectiflow/persistence';
import { executeUpdate } from '@rectiflow/temporal';
import type { CalendarYearDto, CalendarYearsDto, PutCalendarYearResultDto } from './calendar-year.dto';

/**
 * How long one item's recompute may wait for its workflow to answer. A workflow whose worker is down would
 * otherwise hold the administrator's request forever; past this it is reported in `failed` (a new PUT retries it).
 */
const RECOMPUTE_UPDATE_TIMEOUT_MS = 10_000;
/** Items told at once: the Updates go to different workflows, and one slow item must not queue the rest. */
const RECOMPUTE_CONCURRENCY = 8;

/**
 * 放假/调休 years for the administrator: what is loaded, and loading a year — stored, audited, taken into this
 * process's calendar at once (the worker follows within its refresh) — after which every open item whose
 * provisional deadline the year affects is recomputed and its workflow told by an Update, moving its timers.
 */
@Injectable()
export class CalendarAdminService {
  private readonly log = new Logger(CalendarAdminService.name);

  constructor(
    @InjectRepository(CalendarYearEntity) private readonly years: Repository<CalendarYearEntity>,
    @InjectRepository(RectificationEntity) private readonly items: Repository<RectificationEntity>,
    private readonly calendars: HolidayCalendarProvider,
    private readonly temporal: Client,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  list(): CalendarYearsDto {
    const loaded = new Map(this.calendars.loadedYears().map((y) => [y.year, y]));
    const shipped = SHIPPED_HOLIDAY_YEARS.filter((y) => !loaded.has(y.year)).map((y): CalendarYearDto => ({
      year: y.year,
      origin: 'shipped',
      holidays: y.holidays.map((h) => h.date),
      workdays: y.workdays.map((w) => w.date),
      updatedAt: null,
    }));
    const years = [...shipped, ...[...loaded.values()].map(toDto)].sort((a, b) => a.year - b.year);
    return { years, note: '未载入放假调休安排的年份按周末计算工作日，期限标为暂定，载入后自动重算' };
  }

  async put(
    year: number,
    body: { holidays: string[]; workdays: string[] },
    user: AuthUser,
    ip?: string,
  ): Promise<PutCalendarYearResultDto> {
    const problem = calendarYearProblem(year, body.holidays, body.workdays);
    if (problem) throw new AppError('VALIDATION_FAILED', problem, { year });
    const holidays = [...body.holidays].sort();
    const workdays = [...body.workdays].sort();
    await this.years.manager.transaction(async (tx) => {
      await tx
        .getRepository(CalendarYearEntity)
        .upsert({ year, holidays, workdays, updatedById: user.id }, ['year']);
      await this.audit.record(
        {
          actor: user,
          action: 'calendar.year.put',
          entityType: 'calendar_year',
          entityId: year,
          ip,
          payload: { year, holidays, workdays },
        },
        tx,
      );
    });
    await this.calendars.reload();
    const { recomputed, failed } = await this.recomputeProvisional(year);
    const stored = this.calendars.loadedYears().find((y) => y.year === year)!;
    return { year: toDto(stored), recomputed, failed };
  }

  /** Every open item with a provisional deadline, counted again; those that move get the Update. */
  private async recomputeProvisional(year: number): Promise<{ recomputed: number; failed: string[] }> {
    const rows = await this.items.find({
      where: { deadlineProvisional: true, status: Not(In([...FINAL_STATUSES])) },
      select: { id: true, state: true },
    });
    const calendar = this.calendars.current();
    let recomputed = 0;
    const failed: string[] = [];
    const recompute = async (row: Pick<RectificationEntity, 'id' | 'state'>): Promise<void> => {
      const state = row.state as RectificationState;
      const d = state.deadlines[state.deadlines.length - 1];
      if (!d.provisional || d.workingDays === undefined) return;
      const next = resolveDeadlineProvisional(
        state.deliveryDate,
        { kind: 'working_days', days: d.workingDays },
        calendar,
      );
      if (next.date === d.date && next.provisional) return; // still waiting for another year
      const at = endOfDayInstant(next.date, this.config.notifications.timezone).toISOString();
      try {
        await this.temporal.withDeadline(Date.now() + RECOMPUTE_UPDATE_TIMEOUT_MS, () =>
          executeUpdate(this.temporal.workflow.getHandle(row.id), recalendarDeadlineUpdate, {
            args: [
              {
                year,
                deadline: { date: next.date, at, provisional: next.provisional, workingDays: d.workingDays },
              },
            ],
          }),
        );
        recomputed += 1;
      } catch (err) {
        // The item moved on (closed, already recomputed), its worker is away, or Temporal is: reported, retried
        // by a new PUT.
        this.log.warn(`recompute of ${row.id} failed: ${(err as Error).message}`);
        failed.push(row.id);
      }
    };
    for (let i = 0; i < rows.length; i += RECOMPUTE_CONCURRENCY)
      await Promise.all(rows.slice(i, i + RECOMPUTE_CONCURRENCY).map(recompute));
    return { recomputed, failed };
  }
}

function toDto(y: CalendarYearEntity): CalendarYearDto {
  return {
    year: y.year,
    origin: 'admin',
    holidays: [...y.holidays],
    workdays: [...y.workdays],
    updatedAt: y.updatedAt ? new Date(y.updatedAt).toISOString() : null,
  };
}
