import { AuditService } from '@rectiflow/audit';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  Client,
  WorkflowIdConflictPolicy,
  WorkflowIdReusePolicy,
  WorkflowNotFoundError,
} from '@temporalio/client';
import { DataSource, In, Repository } from 'typeorm';
import type { AuthUser } from '@rectiflow/auth';
import {
  CalendarError,
  DeadlineRule,
  endOfDayInstant,
  resolveDeadline,
  WorkingDayCalendar,
} from '@rectiflow/calendar';
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
 * construction — the workflow id is derived from the evaluation and started with USE_EXISTING, so a retried
 * request attaches to the same run instead of starting a second one.
 */
@Injectable()
export class IssueEvaluationService {
  private readonly calendar = WorkingDayCalendar.default();

  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(UnitEntity) private readonly units: Repository<UnitEntity>,
    private readonly temporal: Client,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  async issue(
    evaluationId: string,
    input: IssueEvaluationInput,
    user: AuthUser,
    ip?: string,
  ): Promise<IssueEvaluationResult> {
    const workflowId = evaluationWorkflowId(evaluationId);
    // The plan is fixed and the evaluation leaves 'draft' in one transaction under a row lock, so a concurrent
    // draft edit (split, merge…) either happens before and is issued, or is refused after. The workflow starts
    // only after commit; if that start fails, the stored plan lets a retried request resume it (see below).
    const plan = await this.dataSource.transaction(async (tx) => {
      const evaluation = await tx
        .getRepository(EvaluationEntity)
        .createQueryBuilder('e')
        .addSelect('e.issuePlan')
        .setLock('pessimistic_write')
        .where('e.id = :id', { id: evaluationId })
        .getOne();
      if (!evaluation) throw new NotFoundError('评价', evaluationId);
      if (evaluation.status === 'issued' && evaluation.issuePlan && !(await this.workflowExists(workflowId)))
        return evaluation.issuePlan as unknown as EvaluationFollowUpInput; // resume a start that failed
      if (evaluation.status !== 'draft')
        throw new TransitionNotAllowedError(
          `该评价已${evaluation.status === 'issued' ? '下发' : '结束'}，不能再次下发`,
          {
            status: evaluation.status,
            workflowId,
          },
        );
      const findings = await tx
        .getRepository(FindingEntity)
        .find({ where: { evaluationId }, order: { seq: 'ASC' } });
      const followUp = await this.buildPlan(evaluationId, findings, input, user);
      await tx.getRepository(EvaluationEntity).update(
        { id: evaluationId },
        {
          status: 'issued',
          issuedAt: new Date(followUp.issuedAt),
          departmentUnitId: input.unitId,
          deliveryDate: input.deliveryDate,
          issuePlan: followUp,
        },
      );
      await this.audit.record(
        {
          actor: user,
          action: 'evaluation.issue',
          entityType: 'evaluation',
          entityId: evaluationId,
          ip,
          payload: { input, items: followUp.rectifications.length },
        },
        tx,
      );
      return followUp;
    });

    await this.temporal.workflow.start(EVALUATION_FOLLOW_UP_WORKFLOW_TYPE, {
      taskQueue: this.config.temporal.taskQueue,
      workflowId,
      args: [plan],
      workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
    });
    return {
      evaluationId,
      status: 'issued',
      workflowId,
      deliveryDate: plan.rectifications[0]?.deliveryDate ?? input.deliveryDate,
      rectifications: plan.rectifications.map((i) => ({
        id: i.rectificationId,
        findingSeq: i.findingSeq,
        unitId: i.unitId,
        type: i.type,
        deadline: i.deadline.date,
      })),
    };
  }

  private async buildPlan(
    evaluationId: string,
    findings: FindingEntity[],
    input: IssueEvaluationInput,
    user: AuthUser,
  ): Promise<EvaluationFollowUpInput> {
    const overrides = new Map((input.overrides ?? []).map((o) => [o.seq, o]));
    for (const seq of overrides.keys())
      if (!findings.some((f) => f.seq === seq))
        throw new AppError('VALIDATION_FAILED', `问题 ${seq} 不存在，无法单独设置`, { seq });
    await this.assertUnits([
      input.unitId,
      ...[...overrides.values()].map((o) => o.unitId).filter((u): u is number => u !== undefined),
    ]);
    const issuedAt = new Date().toISOString();
    const actor = toActor(user);
    const rectifications = findings.map((f) => {
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
    return { evaluationId, issuedBy: actor, issuedAt, rectifications };
  }

  private async workflowExists(workflowId: string): Promise<boolean> {
    try {
      await this.temporal.workflow.getHandle(workflowId).describe();
      return true;
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) return false;
      throw err;
    }
  }

  private deadline(deliveryDate: string, rule: DeadlineRule, seq: number): string {
    try {
      return resolveDeadline(deliveryDate, rule, this.calendar);
    } catch (err) {
      if (err instanceof CalendarError)
        throw new AppError('VALIDATION_FAILED', `问题 ${seq} 的整改时限无法计算：${err.message}`, {
          seq,
          reason: err.code,
        });
      throw err;
    }
  }

  private async assertUnits(ids: number[]): Promise<void> {
    const unique = [...new Set(ids)];
    const found = await this.units.findBy({ id: In(unique) });
    for (const id of unique) {
      const unit = found.find((u) => u.id === id);
      if (!unit || !unit.active)
        throw new AppError('VALIDATION_FAILED', `责任单位 ${id} 不存在或已停用`, { unitId: id });
      if (unit.kind === 'bureau')
        throw new AppError('VALIDATION_FAILED', `责任单位不能是财政局本身（${unit.name}）`, { unitId: id });
    }
  }
}
