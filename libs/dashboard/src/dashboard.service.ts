import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessScopeService, AuthUser } from '@rectiflow/auth';
import { AppConfig } from '@rectiflow/config';
import { ESCALATION_LABELS, ESCALATION_LEVELS } from '@rectiflow/contracts';
import { restrictToVisibleEvaluations } from '@rectiflow/evaluations';
import { addDays, localDate, monthRange, startOfLocalDay, utcOffset, weekStart } from './dashboard-dates';
import { num, OPEN_SQL, scopedItems } from './dashboard-scope';
import type {
  AgeingBucket,
  DashboardSummary,
  GradeRow,
  RungRow,
  UnitCompletionRow,
  WeeklyClosures,
} from './dashboard.types';

/** Overdue ageing buckets, in days past the current deadline. */
const AGEING: { key: string; label: string; minDays: number; maxDays: number | null }[] = [
  { key: 'd0_7', label: '7 天以内', minDays: 0, maxDays: 7 },
  { key: 'd8_30', label: '8–30 天', minDays: 8, maxDays: 30 },
  { key: 'd31_90', label: '31–90 天', minDays: 31, maxDays: 90 },
  { key: 'd90', label: '90 天以上', minDays: 91, maxDays: null },
];
const GRADES = ['优', '良', '中', '差'];
export const NO_GRADE = '未定等级';

/**
 * 工作台 figures, each one aggregate query on the rectification read model (indexed on unitId+status,
 * status+currentDeadline, closedAt, escalationLevel+status) narrowed to the caller's units.
 */
@Injectable()
export class DashboardService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: AccessScopeService,
    private readonly config: AppConfig,
  ) {}

  private get tz(): string {
    return this.config.notifications.timezone;
  }

  async summary(user: AuthUser, now = new Date()): Promise<DashboardSummary> {
    const today = localDate(now, this.tz);
    const dueTo = addDays(today, 6);
    const month = monthRange(today);
    const raw = await scopedItems(this.db, await this.scope.visibleUnitIds(user))
      .select(`SUM(${OPEN_SQL})`, 'open')
      .addSelect(`SUM(${OPEN_SQL} AND r.overdue = 1)`, 'overdue')
      .addSelect(`SUM(r.status = 'plan_submitted')`, 'planSubmitted')
      .addSelect(`SUM(r.status = 'submitted')`, 'submitted')
      .addSelect(`SUM(${OPEN_SQL} AND r.currentDeadline BETWEEN :today AND :dueTo)`, 'dueIn7Days')
      .addSelect(`SUM(r.status = 'closed' AND r.closedAt >= :monthFrom AND r.closedAt < :monthTo)`, 'closed')
      .setParameters({
        today,
        dueTo,
        monthFrom: startOfLocalDay(month.from, this.tz),
        monthTo: startOfLocalDay(addDays(month.to, 1), this.tz),
      })
      .getRawOne<Record<string, unknown>>();
    const planSubmitted = num(raw?.planSubmitted);
    const submitted = num(raw?.submitted);
    return {
      open: num(raw?.open),
      overdue: num(raw?.overdue),
      awaitingReview: { total: planSubmitted + submitted, planSubmitted, submitted },
      dueIn7Days: num(raw?.dueIn7Days),
      closedThisMonth: num(raw?.closed),
      today,
      dueWithin: { from: today, to: dueTo },
      month,
    };
  }

  /** Completion by responsible unit, lowest rate first (those need attention). */
  async byUnit(user: AuthUser): Promise<UnitCompletionRow[]> {
    const rows = await scopedItems(this.db, await this.scope.visibleUnitIds(user))
      .innerJoin('unit', 'u', 'u.id = r.unitId')
      .select('r.unitId', 'unitId')
      .addSelect('u.name', 'unitName')
      .addSelect('COUNT(*)', 'total')
      .addSelect(`SUM(r.status = 'closed')`, 'closed')
      .addSelect(`SUM(r.status = 'cancelled')`, 'cancelled')
      .addSelect(`SUM(${OPEN_SQL})`, 'open')
      .addSelect(`SUM(${OPEN_SQL} AND r.overdue = 1)`, 'overdue')
      .groupBy('r.unitId')
      .addGroupBy('u.name')
      .getRawMany<Record<string, unknown>>();
    return rows
      .map((r) => {
        const total = num(r.total);
        const closed = num(r.closed);
        const cancelled = num(r.cancelled);
        const counted = total - cancelled;
        return {
          unitId: num(r.unitId),
          unitName: String(r.unitName),
          total,
          closed,
          cancelled,
          open: num(r.open),
          overdue: num(r.overdue),
          completionRate: counted > 0 ? Math.round((closed / counted) * 1000) / 1000 : null,
        };
      })
      .sort((a, b) => (a.completionRate ?? 2) - (b.completionRate ?? 2) || a.unitId - b.unitId);
  }

  /** Open overdue items by days past the current deadline. */
  async ageing(user: AuthUser, now = new Date()): Promise<AgeingBucket[]> {
    const today = localDate(now, this.tz);
    const scoped = await this.scopedOverdue(user, today);
    return AGEING.map((b) => ({
      ...b,
      count: num(scoped[b.key]),
      deadlineFrom: b.maxDays === null ? null : addDays(today, -b.maxDays),
      deadlineTo: addDays(today, -b.minDays),
    }));
  }

  private async scopedOverdue(user: AuthUser, today: string): Promise<Record<string, unknown>> {
    let qb = scopedItems(this.db, await this.scope.visibleUnitIds(user))
      .andWhere(`${OPEN_SQL} AND r.overdue = 1`)
      .setParameter('today', today)
      .select('COUNT(*)', 'all');
    for (const b of AGEING) {
      const age = 'DATEDIFF(:today, r.currentDeadline)';
      qb = qb.addSelect(
        b.maxDays === null
          ? `SUM(${age} >= ${b.minDays})`
          : `SUM(${age} BETWEEN ${b.minDays} AND ${b.maxDays})`,
        b.key,
      );
    }
    return (await qb.getRawOne<Record<string, unknown>>()) ?? {};
  }

  /** Open items at each rung of the escalation ladder now (提醒函 → 通报). */
  async rungs(user: AuthUser): Promise<RungRow[]> {
    const rows = await scopedItems(this.db, await this.scope.visibleUnitIds(user))
      .andWhere(`${OPEN_SQL} AND r.escalationLevel > 0`)
      .select('r.escalationLevel', 'level')
      .addSelect('COUNT(*)', 'count')
      .groupBy('r.escalationLevel')
      .getRawMany<{ level: unknown; count: unknown }>();
    return ESCALATION_LEVELS.map((level) => ({
      level,
      label: ESCALATION_LABELS[level],
      count: num(rows.find((r) => num(r.level) === level)?.count),
    }));
  }

  /** Issued evaluations (drafts excluded) the caller can see, by grade. */
  async grades(user: AuthUser): Promise<GradeRow[]> {
    const qb = this.db
      .createQueryBuilder()
      .from('evaluation', 'e')
      .where(`e.status <> 'draft'`)
      .select('e.grade', 'grade')
      .addSelect('COUNT(*)', 'count')
      .groupBy('e.grade');
    restrictToVisibleEvaluations(qb, 'e', await this.scope.visibleUnitIds(user));
    const rows = await qb.getRawMany<{ grade: string | null; count: unknown }>();
    const count = (g: string | null) =>
      rows.filter((r) => (r.grade ?? null) === g).reduce((n, r) => n + num(r.count), 0);
    const other = rows
      .filter((r) => r.grade !== null && !GRADES.includes(r.grade))
      .reduce((n, r) => n + num(r.count), 0);
    return [
      ...GRADES.map((grade) => ({ grade, count: count(grade) })),
      { grade: NO_GRADE, count: count(null) + other },
    ];
  }

  /** 销号 per week (Monday–Sunday in the bureau's zone), the last `weeks` weeks, oldest first. */
  async closuresWeekly(user: AuthUser, weeks: number, now = new Date()): Promise<WeeklyClosures[]> {
    const thisWeek = weekStart(localDate(now, this.tz));
    const first = addDays(thisWeek, -7 * (weeks - 1));
    const offset = utcOffset(now, this.tz);
    const rows = await scopedItems(this.db, await this.scope.visibleUnitIds(user))
      .andWhere(`r.status = 'closed' AND r.closedAt >= :from`, { from: startOfLocalDay(first, this.tz) })
      .select(`DATE_FORMAT(CONVERT_TZ(r.closedAt, '+00:00', :offset), '%Y-%m-%d')`, 'day')
      .addSelect('COUNT(*)', 'count')
      .setParameter('offset', offset)
      .groupBy('day')
      .getRawMany<{ day: string; count: unknown }>();
    const out: WeeklyClosures[] = [];
    for (let i = 0; i < weeks; i++) {
      const start = addDays(first, 7 * i);
      const end = addDays(start, 6);
      const count = rows.filter((r) => r.day >= start && r.day <= end).reduce((n, r) => n + num(r.count), 0);
      out.push({ weekStart: start, weekEnd: end, count });
    }
    return out;
  }
}
