import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Client, WorkflowIdConflictPolicy, WorkflowIdReusePolicy } from '@temporalio/client';
import { In, Repository } from 'typeorm';
import type { AuthUser } from '@rectiflow/auth';
import { CalendarError, DeadlineRule, endOfDayInstant, resolveDeadline, WorkingDayCalendar } from '@rectiflow/calendar';
import { AppError, NotFoundError, TransitionNotAllowedError } from '@rectiflow/common';
import { AppConfig } from '@rectiflow/config';
import {
  EVALUATION_FOLLOW_UP_WORKFLOW_TYPE,
  EvaluationFollowUpInput,
  evaluationWorkflowId,
  RectificationType,
  rectificationWorkflowId,
} from '@rectiflow/contracts';
import { EvaluationEntity, FindingEntity, UnitEntity } from '@rectiflow/persistence';
import { toActor } from './actor';
import { IssuePolicyInput, toWorkflowPolicy, TYPE_DEFAULTS } from './issue-policy';

export interface IssueEvaluationInput {
  deliveryDate: string;
  unitId: number;
  type?: RectificationType;
  deadlineRule?: DeadlineRule;
  policy?: IssuePolicyInput;
  overrides?: { seq: number; unitId?: number; type?: RectificationType; deadlineRule?: DeadlineRule }[];
}

export interface IssuedRectification {
  id: string;
  findingSeq: number;
  unitId: number;
  type: RectificationType;
  deadline: string;
}

export interface IssueEvaluationResult {
  evaluationId: string;
  status: 'issued';
  workflowId: string;
  deliveryDate: string;
  rectifications: IssuedRectification[];
}

/**
 * 下发: turns a draft evaluation into one follow-up workflow with one rectification per finding. Idempotent by
 * construction — the workflow id is derived from the evaluation and started with USE_EXISTING, so a retried or
 * concurrent request attaches to the same run instead of starting a second one.
 */
@Injectable()
export class IssueEvaluationService {
  private readonly calendar = WorkingDayCalendar.default();

  constructor(
    @InjectRepository(EvaluationEntity) private readonly evaluations: Repository<EvaluationEntity>,
    @InjectRepository(FindingEntity) private readonly findings: Repository<FindingEntity>,
    @InjectRepository(UnitEntity) private readonly units: Repository<UnitEntity>,
    private readonly temporal: Client,
    private readonly config: AppConfig,
  ) {}

  async issue(evaluationId: string, input: IssueEvaluationInput, user: AuthUser): Promise<IssueEvaluationResult> {
    const evaluation = await this.evaluations.findOneBy({ id: evaluationId });
    if (!evaluation) throw new NotFoundError('评价', evaluationId);
    if (evaluation.status !== 'draft')
      throw new TransitionNotAllowedError(`该评价已${evaluation.status === 'issued' ? '下发' : '结束'}，不能再次下发`, {
        status: evaluation.status,
        workflowId: evaluationWorkflowId(evaluationId),
      });
    const findings = await this.findings.find({ where: { evaluationId }, order: { seq: 'ASC' } });
    const overrides = new Map((input.overrides ?? []).map((o) => [o.seq, o]));
    for (const seq of overrides.keys())
      if (!findings.some((f) => f.seq === seq)) throw new AppError('VALIDATION_FAILED', `问题 ${seq} 不存在，无法单独设置`, { seq });
    await this.assertUnits([input.unitId, ...[...overrides.values()].map((o) => o.unitId).filter((u): u is number => u !== undefined)]);

    const issuedAt = new Date().toISOString();
    const actor = toActor(user);
    const items = findings.map((f) => {
      const o = overrides.get(f.seq);
      const type = o?.type ?? input.type ?? 'deadline';
      const rule = o?.deadlineRule ?? (o?.type ? undefined : input.deadlineRule) ?? TYPE_DEFAULTS[type].rule;
      const date = this.deadline(input.deliveryDate, rule, f.seq);
      return {
        rectificationId: rectificationWorkflowId(evaluationId, f.seq),
        evaluationId,
        findingSeq: f.seq,
        findingTitle: f.title,
        unitId: o?.unitId ?? input.unitId,
        type,
        deadline: { date, at: endOfDayInstant(date, this.config.notifications.timezone).toISOString() },
        deliveryDate: input.deliveryDate,
        policy: toWorkflowPolicy(this.config, type, input.policy),
        issuedBy: actor,
      };
    });

    const workflowId = evaluationWorkflowId(evaluationId);
    await this.temporal.workflow.start(EVALUATION_FOLLOW_UP_WORKFLOW_TYPE, {
      taskQueue: this.config.temporal.taskQueue,
      workflowId,
      args: [{ evaluationId, issuedBy: actor, issuedAt, rectifications: items } satisfies EvaluationFollowUpInput],
      workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
    });
    await this.evaluations
      .createQueryBuilder()
      .update()
      .set({ status: 'issued', issuedAt: new Date(issuedAt), departmentUnitId: input.unitId })
      .where('id = :id AND status = :draft', { id: evaluationId, draft: 'draft' })
      .execute();

    return {
      evaluationId,
      status: 'issued',
      workflowId,
      deliveryDate: input.deliveryDate,
      rectifications: items.map((i) => ({ id: i.rectificationId, findingSeq: i.findingSeq, unitId: i.unitId, type: i.type, deadline: i.deadline.date })),
    };
  }

  private deadline(deliveryDate: string, rule: DeadlineRule, seq: number): string {
    try {
      return resolveDeadline(deliveryDate, rule, this.calendar);
    } catch (err) {
      if (err instanceof CalendarError) throw new AppError('VALIDATION_FAILED', `问题 ${seq} 的整改时限无法计算：${err.message}`, { seq, reason: err.code });
      throw err;
    }
  }

  private async assertUnits(ids: number[]): Promise<void> {
    const unique = [...new Set(ids)];
    const found = await this.units.findBy({ id: In(unique) });
    for (const id of unique) {
      const unit = found.find((u) => u.id === id);
      if (!unit || !unit.active) throw new AppError('VALIDATION_FAILED', `责任单位 ${id} 不存在或已停用`, { unitId: id });
      if (unit.kind === 'bureau') throw new AppError('VALIDATION_FAILED', `责任单位不能是财政局本身（${unit.name}）`, { unitId: id });
    }
  }
}
