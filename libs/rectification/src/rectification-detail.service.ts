import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessScopeService, AuthUser } from '@rectiflow/auth';
import { NotFoundError } from '@rectiflow/common';
import { AppConfig } from '@rectiflow/config';
import { allowedActions, ESCALATION_LABELS, STATUS_LABELS, TYPE_LABELS } from '@rectiflow/contracts';
import {
  EvaluationEntity,
  FindingEntity,
  RecommendationEntity,
  RectificationEntity,
  RectificationEventEntity,
  UnitEntity,
} from '@rectiflow/persistence';
import { toActor } from './actor';
import { overdueDays } from './overdue-days';
import { planWarnings } from './plan-warnings';
import type { RectificationDetail } from './rectification-detail.types';

/** Reads one item from the MySQL read model, after the unit-scope check (404 outside one's units). */
@Injectable()
export class RectificationDetailService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: AccessScopeService,
    private readonly config: AppConfig,
  ) {}

  async detail(user: AuthUser, id: string): Promise<RectificationDetail> {
    const r = await this.db.getRepository(RectificationEntity).findOneBy({ id });
    if (!r) throw new NotFoundError('整改事项');
    await this.scope.assertCanSeeUnit(user, r.unitId, '整改事项');
    const [evaluation, finding, unit, timeline, actsForUnit] = await Promise.all([
      this.db.getRepository(EvaluationEntity).findOneByOrFail({ id: r.evaluationId }),
      this.db.getRepository(FindingEntity).findOneBy({ evaluationId: r.evaluationId, seq: r.findingSeq }),
      this.db.getRepository(UnitEntity).findOneBy({ id: r.unitId }),
      this.db
        .getRepository(RectificationEventEntity)
        .find({ where: { rectificationId: id }, order: { seq: 'ASC' } }),
      this.scope.canAct(user, r.unitId),
    ]);
    const recommendation =
      finding?.recommendationSeq != null
        ? await this.db
            .getRepository(RecommendationEntity)
            .findOneBy({ evaluationId: r.evaluationId, seq: finding.recommendationSeq })
        : null;
    const level = r.escalationLevel as keyof typeof ESCALATION_LABELS;
    const base = `/api/v1/rectifications/${encodeURIComponent(id)}`;
    return {
      id: r.id,
      status: r.status,
      statusLabel: STATUS_LABELS[r.status],
      type: r.type,
      typeLabel: TYPE_LABELS[r.type],
      unit: { id: r.unitId, name: unit?.name ?? null },
      deadline: {
        original: r.originalDeadline,
        current: r.currentDeadline,
        provisional: Boolean(r.deadlineProvisional),
        history: r.state.deadlines,
      },
      overdue: r.overdue,
      overdueDays: r.overdue
        ? overdueDays(
            r.currentDeadline,
            r.closedAt ?? r.cancelledAt,
            new Date(),
            this.config.notifications.timezone,
          )
        : 0,
      escalationLevel: level,
      escalationLabel: ESCALATION_LABELS[level],
      escalations: r.state.escalations,
      maxEscalationLevel: Math.max(level, r.maxEscalationLevel ?? 0) as keyof typeof ESCALATION_LABELS,
      evaluation: {
        id: evaluation.id,
        title: evaluation.title,
        projectName: evaluation.projectName,
        organizer: evaluation.organizer,
        supervisingDepartment: evaluation.supervisingDepartment,
        projectUnit: evaluation.projectUnit,
        evaluator: evaluation.evaluator,
        score: evaluation.score,
        grade: evaluation.grade,
      },
      finding: finding
        ? { seq: finding.seq, title: finding.title, text: finding.text, points: finding.points }
        : { seq: r.findingSeq, title: r.findingTitle, text: '', points: [] },
      recommendation: recommendation
        ? { seq: recommendation.seq, title: recommendation.title, text: recommendation.text }
        : null,
      state: r.state,
      allowedActions: allowedActions(r.state, { actor: toActor(user), actsForUnit }),
      warnings: planWarnings(r.state),
      timeline: timeline.map((e) => ({
        seq: e.seq,
        action: e.action,
        actorId: e.actorId,
        actorName: e.actorName,
        payload: e.payload,
        occurredAt: e.occurredAt.toISOString(),
      })),
      links: {
        self: base,
        evaluation: `/api/v1/evaluations/${r.evaluationId}`,
        timeline: `${base}#timeline`,
      },
    };
  }
}
