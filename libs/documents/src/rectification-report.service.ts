import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { AccessScopeService, AuthUser, READ_ALL_ROLES } from '@rectiflow/auth';
import { endOfDayInstant } from '@rectiflow/calendar';
import { NotFoundError } from '@rectiflow/common';
import { AppConfig } from '@rectiflow/config';
import type { RectificationState } from '@rectiflow/contracts';
import {
  ledgerQuery,
  ledgerRowsByIds,
  ledgerUnits,
  LedgerFilter,
  LedgerItem,
  LedgerRaw,
  selectLedgerColumns,
  toLedgerItem,
} from '@rectiflow/ledger';
import {
  EvaluationEntity,
  FindingEntity,
  RecommendationEntity,
  RectificationEntity,
  UnitEntity,
} from '@rectiflow/persistence';
import { civilDateIn } from './letter-number';
import type { ReportEvaluation, ReportFacts, ReportProblem } from './report-facts';
import { renderReportDocx } from './report-docx.renderer';
import { summarize } from './report-summary';

export interface RenderedReport {
  fileName: string;
  content: Buffer;
  facts: ReportFacts;
}

/**
 * 整改情况报告 (draft), per evaluation or per unit (with its project units) and year. The items are the caller's
 * ledger — the same query, scope and row mapping as GET /rectifications — so the figures equal the ledger's; the
 * plan, evidence, reviews and rungs come from the workflow state in the same read model.
 */
@Injectable()
export class RectificationReportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: AccessScopeService,
    private readonly config: AppConfig,
  ) {}

  async forEvaluation(user: AuthUser, evaluationId: string): Promise<RenderedReport> {
    const evaluation = await this.db.getRepository(EvaluationEntity).findOneBy({ id: evaluationId });
    if (!evaluation) throw new NotFoundError('评价');
    const items = await this.ledgerItems(user, { evaluationId, sort: 'findingSeq', order: 'asc' });
    // A department sees an evaluation only through its own items.
    if (!READ_ALL_ROLES.includes(user.role) && items.length === 0) throw new NotFoundError('评价');
    const name = evaluation.projectName ?? evaluation.title ?? '绩效评价项目';
    return this.render(`“${name}”绩效评价问题整改情况报告`, `评价项目“${name}”`, [evaluation], items);
  }

  async forUnit(user: AuthUser, unitId: number, year: number): Promise<RenderedReport> {
    await this.scope.assertCanSeeUnit(user, unitId, '单位');
    const unit = await this.db.getRepository(UnitEntity).findOneBy({ id: unitId });
    if (!unit) throw new NotFoundError('单位');
    const tz = this.config.notifications.timezone;
    const from = new Date(endOfDayInstant(`${year - 1}-12-31`, tz).getTime() + 1);
    const to = new Date(endOfDayInstant(`${year}-12-31`, tz).getTime() + 1);
    const items = await this.ledgerItems(user, { unitId, sort: 'findingSeq', order: 'asc' }, { from, to });
    const evaluationIds = [...new Set(items.map((i) => i.evaluation.id))];
    const evaluations = evaluationIds.length
      ? await this.db.getRepository(EvaluationEntity).findBy({ id: In(evaluationIds) })
      : [];
    return this.render(
      `${unit.name}${year}年度绩效评价问题整改情况报告`,
      `${unit.name}（含所属单位）${year}年下发的整改事项`,
      evaluations,
      items,
    );
  }

  /** The caller's ledger rows for a filter, all of them, in evaluation and finding order. */
  async ledgerItems(
    user: AuthUser,
    filter: LedgerFilter,
    issued?: { from: Date; to: Date },
  ): Promise<LedgerItem[]> {
    const units = await ledgerUnits(this.db, this.scope, user, filter);
    const qb = ledgerQuery(this.db, filter, units)
      .select('r.id', 'id')
      .orderBy('r.evaluationId', 'ASC')
      .addOrderBy('r.findingSeq', 'ASC');
    if (issued) qb.andWhere('r.issuedAt >= :from AND r.issuedAt < :to', issued);
    const keys = await qb.getRawMany<{ id: string }>();
    const rows = await ledgerRowsByIds<LedgerRaw>(
      this.db,
      keys.map((k) => k.id),
      selectLedgerColumns,
    );
    const now = new Date();
    return rows.map((r) => toLedgerItem(r, now, this.config.notifications.timezone));
  }

  private async render(
    title: string,
    scope: string,
    evaluations: EvaluationEntity[],
    items: LedgerItem[],
  ): Promise<RenderedReport> {
    const facts: ReportFacts = {
      issuer: this.config.documents.issuer,
      title,
      scope,
      evaluations: evaluations.map(toReportEvaluation),
      summary: summarize(items),
      problems: await this.problems(items),
      date: civilDateIn(new Date(), this.config.notifications.timezone),
    };
    const content = await renderReportDocx(facts);
    return { fileName: `${title}（草稿）.docx`, content, facts };
  }

  private async problems(items: LedgerItem[]): Promise<ReportProblem[]> {
    if (!items.length) return [];
    const tz = this.config.notifications.timezone;
    const ids = items.map((i) => i.id);
    const evaluationIds = [...new Set(items.map((i) => i.evaluation.id))];
    const [states, findings, recommendations] = await Promise.all([
      this.db
        .getRepository(RectificationEntity)
        .find({ where: { id: In(ids) }, select: { id: true, state: true } }),
      this.db.getRepository(FindingEntity).findBy({ evaluationId: In(evaluationIds) }),
      this.db.getRepository(RecommendationEntity).findBy({ evaluationId: In(evaluationIds) }),
    ]);
    const stateOf = new Map(states.map((s) => [s.id, s.state]));
    const date = (iso: string | null | undefined) => (iso ? civilDateIn(new Date(iso), tz) : null);
    return items.map((i) => {
      const s = stateOf.get(i.id) as RectificationState;
      const finding = findings.find((f) => f.evaluationId === i.evaluation.id && f.seq === i.findingSeq);
      const rec = recommendations.find(
        (r) => r.evaluationId === i.evaluation.id && r.seq === finding?.recommendationSeq,
      );
      const plan = s.plans[s.plans.length - 1];
      const rectified = s.reviews.filter((r) => r.result === 'rectified').pop();
      return {
        evaluationId: i.evaluation.id,
        findingSeq: i.findingSeq,
        findingTitle: i.findingTitle,
        findingText: finding?.text ?? null,
        recommendation: rec ? rec.text || rec.title : null,
        unitName: i.unit.name ?? `单位 #${i.unit.id}`,
        statusLabel: i.statusLabel,
        originalDeadline: i.originalDeadline,
        currentDeadline: i.currentDeadline,
        measures: (plan?.measures ?? []).map((m) => ({ content: m.content, targetDate: m.targetDate })),
        evidence: s.evidence.flatMap((e) =>
          e.files.map((f) => ({ name: f.name, effectiveDate: e.effectiveDate, sha256: f.sha256 })),
        ),
        reviewedDate: date(rectified?.at),
        closedDate: date(s.closedAt),
        rungs: s.escalations.map((e) => ({ label: e.label, date: date(e.at) as string })),
      };
    });
  }
}

function toReportEvaluation(e: EvaluationEntity): ReportEvaluation {
  return {
    id: e.id,
    projectName: e.projectName,
    title: e.title,
    score: e.score === null ? null : Number(e.score),
    grade: e.grade,
    organizer: e.organizer,
    evaluator: e.evaluator,
  };
}
