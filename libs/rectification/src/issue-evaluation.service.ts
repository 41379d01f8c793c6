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
  HolidayCalendarProvider,
  resolveDeadlineProvisional,
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
import { assertPolicy } from './issue-policy-rules';
import { IssuePlan, isPagedPlan, StoredIssuePlan } from './issue-plan';
import { IssuePreview, planWarnings, previewIssue } from './issue-preview';
import { PolicyDefaultsService } from './policy-defaults.service';

export interface IssueEvaluationInput {
  deliveryDate: string;
  unitId: number;
  type?: RectificationType;
  deadlineRule?: DeadlineRule;
  policy?: IssuePolicyInput;
  overrides?: { seq: number; unitId?: number; type?: RectificationType; deadlineRule?: DeadlineRule }[];
  /** Issuing with a deadline already past must be confirmed (issue 10 §1); the audit log records it. */
  acknowledgePastDeadlines?: boolean;
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
  /** Past and provisional deadlines, in Chinese (as the dry run says them). */
  warnings: string[];
}

/**
 * 下发: turns a draft evaluation into one follow-up workflow with one rectification per finding. Idempotent by
 * construction — the workflow id is derived from the evaluation and started with USE_EXISTING, so a retried
 * request attaches to the same run instead of starting a second one.
 */
@Injectable()
export class IssueEvaluationService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(UnitEntity) private readonly units: Repository<UnitEntity>,
    private readonly temporal: Client,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly calendars: HolidayCalendarProvider,
    private readonly policyDefaults: PolicyDefaultsService,
  ) {}

  /** The dry run: what issuing would create (deadlines, reminders, rungs), with nothing written or started. */
  async preview(evaluationId: string, input: IssueEvaluationInput, user: AuthUser): Promise<IssuePreview> {
    assertPolicy(input.policy);
    const evaluation = await this.dataSource.getRepository(EvaluationEntity).findOne({
      where: { id: evaluationId },
      select: { id: true, status: true },
    });
    if (!evaluation) throw new NotFoundError('评价', evaluationId);
    if (evaluation.status !== 'draft')
      throw new TransitionNotAllowedError(
        `该评价已${evaluation.status === 'issued' ? '下发' : '结束'}，不能再次下发`,
        { status: evaluation.status, workflowId: evaluationWorkflowId(evaluationId) },
      );
    const findings = await this.dataSource
      .getRepository(FindingEntity)
      .find({ where: { evaluationId }, order: { seq: 'ASC' }, select: { seq: true, title: true } });
    const plan = await this.buildPlan(evaluationId, findings, input, user);
    const units = await this.units.findBy({ id: In([...new Set(plan.items.map((i) => i.unitId))]) });
    return previewIssue(
      plan,
      new Map(findings.map((f) => [f.seq, f.title])),
      new Map(units.map((u) => [u.id, u.name])),
      this.config.notifications.timezone,
      Date.parse(plan.issuedAt),
    );
  }

  async issue(
    evaluationId: string,
    input: IssueEvaluationInput,
    user: AuthUser,
    ip?: string,
  ): Promise<IssueEvaluationResult> {
    assertPolicy(input.policy);
    const workflowId = evaluationWorkflowId(evaluationId);
    // The plan is fixed and the evaluation leaves 'draft' in one transaction under a row lock, so a concurrent
    // draft edit (split, merge…) either happens before and is issued, or is refused after. The workflow starts
    // only after commit; if that start fails, the stored plan lets a retried request resume it (see below).
    const plan = await this.dataSource.transaction(async (tx): Promise<StoredIssuePlan> => {
      const evaluation = await tx
        .getRepository(EvaluationEntity)
        .createQueryBuilder('e')
        .addSelect('e.issuePlan')
        .setLock('pessimistic_write')
        .where('e.id = :id', { id: evaluationId })
        .getOne();
      if (!evaluation) throw new NotFoundError('评价', evaluationId);
      if (evaluation.status === 'issued' && evaluation.issuePlan && !(await this.workflowExists(workflowId)))
        return evaluation.issuePlan as StoredIssuePlan; // resume a start that failed
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
        .find({ where: { evaluationId }, order: { seq: 'ASC' }, select: { seq: true, title: true } });
      const issuePlan = await this.buildPlan(evaluationId, findings, input, user);
      const issuedAtMs = Date.parse(issuePlan.issuedAt);
      const past = issuePlan.items.filter((i) => Date.parse(i.deadline.at) < issuedAtMs);
      if (past.length && input.acknowledgePastDeadlines !== true)
        throw new AppError(
          'PAST_DEADLINES_NOT_ACKNOWLEDGED',
          `问题 ${past.map((i) => i.seq).join('、')} 的整改时限已过，下发后将立即逾期并发出提醒函；如确需下发，请确认已过期限（acknowledgePastDeadlines: true），可先以 dryRun=true 预览`,
          {
            findings: past.map((i) => ({
              seq: i.seq,
              title: findings.find((f) => f.seq === i.seq)?.title ?? '',
              unitId: i.unitId,
              deadline: i.deadline.date,
            })),
          },
        );
      if (past.length)
        await this.audit.record(
          {
            actor: user,
            action: 'evaluation.issue.past_deadlines_acknowledged',
            entityType: 'evaluation',
            entityId: evaluationId,
            ip,
            payload: {
              deliveryDate: input.deliveryDate,
              findings: past.map((i) => ({ seq: i.seq, deadline: i.deadline.date })),
            },
          },
          tx,
        );
      await tx.getRepository(EvaluationEntity).update(
        { id: evaluationId },
        {
          status: 'issued',
          issuedAt: new Date(issuePlan.issuedAt),
          departmentUnitId: input.unitId,
          deliveryDate: input.deliveryDate,
          issuePlan,
        },
      );
      await this.audit.record(
        {
          actor: user,
          action: 'evaluation.issue',
          entityType: 'evaluation',
          entityId: evaluationId,
          ip,
          payload: { input, items: issuePlan.items.length },
        },
        tx,
      );
      return issuePlan;
    });

    // By reference: the input names the evaluation and its size; page workflows read the items (issue 14).
    const followUp: EvaluationFollowUpInput = isPagedPlan(plan)
      ? {
          evaluationId,
          issuedBy: plan.issuedBy,
          issuedAt: plan.issuedAt,
          total: plan.items.length,
          pageSize: this.config.temporal.issuePageSize,
        }
      : plan;
    await this.temporal.workflow.start(EVALUATION_FOLLOW_UP_WORKFLOW_TYPE, {
      taskQueue: this.config.temporal.taskQueue,
      workflowId,
      args: [followUp],
      workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
    });
    return {
      evaluationId,
      status: 'issued',
      workflowId,
      warnings: isPagedPlan(plan) ? planWarnings(plan, Date.parse(plan.issuedAt)) : [],
      deliveryDate: isPagedPlan(plan)
        ? plan.deliveryDate
        : (plan.rectifications?.[0]?.deliveryDate ?? input.deliveryDate),
      rectifications: isPagedPlan(plan)
        ? plan.items.map((i) => ({
            id: rectificationWorkflowId(evaluationId, i.seq),
            findingSeq: i.seq,
            unitId: i.unitId,
            type: i.type,
            deadline: i.deadline.date,
          }))
        : (plan.rectifications ?? []).map((i) => ({
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
    findings: Pick<FindingEntity, 'seq' | 'title'>[],
    input: IssueEvaluationInput,
    user: AuthUser,
  ): Promise<IssuePlan> {
    const overrides = new Map((input.overrides ?? []).map((o) => [o.seq, o]));
    for (const seq of overrides.keys())
      if (!findings.some((f) => f.seq === seq))
        throw new AppError('VALIDATION_FAILED', `问题 ${seq} 不存在，无法单独设置`, { seq });
    await this.assertUnits([
      input.unitId,
      ...[...overrides.values()].map((o) => o.unitId).filter((u): u is number => u !== undefined),
    ]);
    const issuedAt = new Date().toISOString();
    const defaults = await this.policyDefaults.current();
    const policies: IssuePlan['policies'] = {};
    const items = findings.map((f) => {
      const o = overrides.get(f.seq);
      const type = o?.type ?? input.type ?? 'deadline';
      const rule = o?.deadlineRule ?? (o?.type ? undefined : input.deadlineRule) ?? TYPE_DEFAULTS[type].rule;
      const { date, provisional } = this.deadline(input.deliveryDate, rule, f.seq);
      policies[type] ??= toWorkflowPolicy(defaults, type, input.policy);
      const at = endOfDayInstant(date, this.config.notifications.timezone).toISOString();
      return {
        seq: f.seq,
        unitId: o?.unitId ?? input.unitId,
        type,
        // Only a provisional deadline carries its working-day count: what a loaded year recomputes from.
        deadline:
          provisional && rule.kind === 'working_days'
            ? { date, at, provisional: true, workingDays: rule.days }
            : { date, at },
      };
    });
    return {
      version: 2,
      evaluationId,
      issuedBy: toActor(user),
      issuedAt,
      deliveryDate: input.deliveryDate,
      policies,
      items,
    };
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

  private deadline(
    deliveryDate: string,
    rule: DeadlineRule,
    seq: number,
  ): { date: string; provisional: boolean } {
    try {
      return resolveDeadlineProvisional(deliveryDate, rule, this.calendars.current());
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
