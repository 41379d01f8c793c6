import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@rectiflow/audit';
import { AccessScopeService, AuthUser } from '@rectiflow/auth';
import { endOfDayInstant } from '@rectiflow/calendar';
import { AppError } from '@rectiflow/common';
import { AppConfig } from '@rectiflow/config';
import { ESCALATION_LABELS, type EscalationLevel } from '@rectiflow/contracts';
import type { LedgerItem } from '@rectiflow/ledger';
import { ResultsApplicationRuleEntity, UnitEntity } from '@rectiflow/persistence';
import { RectificationReportService } from './rectification-report.service';
import type { ResultsApplication, ResultsApplicationRow } from './results-application.types';
import {
  DEFAULT_RESULTS_RULE,
  ResultsApplicationRule,
  resultsRuleProblem,
  RungLevel,
  suggestTreatment,
} from './results-rule';
import { summarize } from './report-summary';

const RULE_ID = 1;

/**
 * 结果应用 per department and year. The items are the caller's ledger rows issued in that year (the same query,
 * scope and mapping as GET /rectifications and the 整改情况报告), grouped by the department above each item's unit,
 * so the figures agree with both. A department role sees only its own department's row.
 */
@Injectable()
export class ResultsApplicationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: AccessScopeService,
    private readonly reports: RectificationReportService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async forYear(user: AuthUser, year: number): Promise<ResultsApplication> {
    const tz = this.config.notifications.timezone;
    const from = new Date(endOfDayInstant(`${year - 1}-12-31`, tz).getTime() + 1);
    const to = new Date(endOfDayInstant(`${year}-12-31`, tz).getTime() + 1);
    const [items, units, rule] = await Promise.all([
      this.reports.ledgerItems(user, { sort: 'findingSeq', order: 'asc' }, { from, to }),
      this.db
        .getRepository(UnitEntity)
        .find({ select: { id: true, name: true, kind: true, parentId: true } }),
      this.rule(),
    ]);
    const byId = new Map(units.map((u) => [u.id, u]));
    const visible = await this.scope.visibleUnitIds(user);
    const sees = (id: number) => visible === 'all' || visible.includes(id);
    // A project unit's items count under its department — for a caller who may see that department; a project
    // unit's own user gets its unit's row (the department's other units are not its business).
    const departmentOf = (unitId: number): UnitEntity | undefined => {
      let u = byId.get(unitId);
      while (u && u.kind === 'project_unit' && u.parentId !== null && sees(u.parentId))
        u = byId.get(u.parentId);
      return u;
    };
    const groups = new Map<number, LedgerItem[]>();
    for (const item of items) {
      const dept = departmentOf(item.unit.id);
      const key = dept?.id ?? item.unit.id;
      groups.set(key, [...(groups.get(key) ?? []), item]);
    }
    // Departments without items in the year still get a row when the caller may see them.
    for (const u of units)
      if (u.kind === 'department' && sees(u.id) && !groups.has(u.id)) groups.set(u.id, []);
    const rows = [...groups.entries()].map(([unitId, rows]) =>
      this.row(unitId, byId.get(unitId)?.name ?? `单位 #${unitId}`, rows, rule),
    );
    rows.sort((a, b) => a.unitName.localeCompare(b.unitName, 'zh-Hans-CN') || a.unitId - b.unitId);
    return { year, rows };
  }

  async rule(manager: EntityManager = this.db.manager): Promise<ResultsApplicationRule> {
    const row = await manager.getRepository(ResultsApplicationRuleEntity).findOneBy({ id: RULE_ID });
    return row ? (row.rule as ResultsApplicationRule) : DEFAULT_RESULTS_RULE;
  }

  /** Validated as a whole (400 with the first reason in Chinese), stored and audited with the old and new rule. */
  async putRule(body: unknown, user: AuthUser, ip?: string): Promise<ResultsApplicationRule> {
    const problem = resultsRuleProblem(body);
    if (problem) throw new AppError('VALIDATION_FAILED', problem);
    const rule = normalizeRule(body as ResultsApplicationRule);
    await this.db.transaction(async (tx) => {
      const before = await this.rule(tx);
      await tx
        .getRepository(ResultsApplicationRuleEntity)
        .upsert({ id: RULE_ID, rule, updatedById: user.id }, ['id']);
      await this.audit.record(
        {
          actor: user,
          action: 'results_application.rule.put',
          entityType: 'results_application_rule',
          entityId: RULE_ID,
          ip,
          payload: { before, after: rule },
        },
        tx,
      );
    });
    return rule;
  }

  private row(
    unitId: number,
    unitName: string,
    items: LedgerItem[],
    rule: ResultsApplicationRule,
  ): ResultsApplicationRow {
    const evaluations = [...new Map(items.map((i) => [i.evaluation.id, i.evaluation])).values()].map((e) => ({
      id: e.id,
      projectName: e.projectName,
      score: e.score,
      grade: e.grade,
    }));
    const s = summarize(items);
    const open = items.filter((i) => i.status !== 'closed' && i.status !== 'cancelled');
    const highest = Math.max(0, ...items.map((i) => i.maxEscalationLevel)) as EscalationLevel;
    const { treatment, reasons } = suggestTreatment(rule, {
      grades: evaluations.map((e) => e.grade),
      due: s.total - s.cancelled,
      closed: s.closed,
      notRectified: open.filter((i) => i.lastReviewResult === 'not_rectified').length,
      overdueAtRung: (level: RungLevel) =>
        open.filter((i) => i.overdue && i.maxEscalationLevel >= level).length,
    });
    return {
      unitId,
      unitName,
      evaluations,
      problems: s.total,
      closed: s.closed,
      ongoing: s.ongoing,
      overdue: s.overdue,
      cancelled: s.cancelled,
      completionRate: s.completionRate,
      highestRung: highest,
      highestRungLabel: ESCALATION_LABELS[highest],
      repeatFindings: items.filter((i) => i.repeatFinding).length,
      treatment,
      reasons,
    };
  }
}

function normalizeRule(r: ResultsApplicationRule): ResultsApplicationRule {
  return {
    reduce: { label: r.reduce.label.trim(), grades: [...r.reduce.grades] },
    strict: {
      label: r.strict.label.trim(),
      grades: [...r.strict.grades],
      onNotRectified: r.strict.onNotRectified,
      overdueFromRung: r.strict.overdueFromRung,
    },
    priority: {
      label: r.priority.label.trim(),
      grades: [...r.priority.grades],
      requireAllClosed: r.priority.requireAllClosed,
    },
    normal: { label: r.normal.label.trim() },
  };
}
