import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { Repository } from 'typeorm';
import { AuditService } from '@rectiflow/audit';
import { AccessScopeService, AuthUser, ForbiddenError } from '@rectiflow/auth';
import { CalendarError, endOfDayInstant } from '@rectiflow/calendar';
import { AppError, NotFoundError, TransitionNotAllowedError } from '@rectiflow/common';
import { AppConfig } from '@rectiflow/config';
import { executeUpdate } from '@rectiflow/temporal';
import {
  FINAL_STATUSES,
  RectificationState,
  RectificationStepName,
  RectificationStepPayloads,
  rectificationUpdates,
  STATUS_LABELS,
  STEP_CATALOG,
  StepCommand,
} from '@rectiflow/contracts';
import { RectificationEntity, UnitEntity } from '@rectiflow/persistence';
import { toActor } from './actor';
import { StepIdempotencyService } from './step-idempotency.service';

/** What the caller sends for a step: the catalog's payload (the server adds the actor). */
export type CommandBody<K extends RectificationStepName> = RectificationStepPayloads[K];

/** Where a step comes from, for its audit entry. */
export interface StepContext {
  /** The client address (`@ClientIp()`). */
  ip?: string | null;
}

/**
 * The gateway from HTTP to the workflow: checks who may take the step on this item, then sends it as an Update
 * whose id is the request id (a retried request is applied once). The workflow's validator decides whether the
 * step is allowed now; its reason comes back as 409.
 */
@Injectable()
export class RectificationCommandService {
  constructor(
    @InjectRepository(RectificationEntity) private readonly rectifications: Repository<RectificationEntity>,
    @InjectRepository(UnitEntity) private readonly units: Repository<UnitEntity>,
    private readonly scope: AccessScopeService,
    private readonly temporal: Client,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly idempotency: StepIdempotencyService,
  ) {}

  /** 整改方案: target dates become end-of-day instants in the bureau's time zone (the milestone timers). */
  submitPlan(
    user: AuthUser,
    id: string,
    body: {
      responsiblePerson: string;
      contact?: string;
      measures: { content: string; targetDate: string; responsiblePerson?: string }[];
    },
    requestId: string,
    ctx: StepContext = {},
  ): Promise<RectificationState> {
    const measures = body.measures.map((m) => ({
      ...m,
      targetAt: this.endOfDay(m.targetDate, 'targetDate'),
    }));
    return this.execute(user, id, 'submitPlan', { ...body, measures }, requestId, ctx);
  }

  /** 延期申请 to a date; the deadline instant is the end of that day. */
  requestExtension(
    user: AuthUser,
    id: string,
    body: { reason: string; newDeadline: string },
    requestId: string,
    ctx: StepContext = {},
  ): Promise<RectificationState> {
    const newDeadline = { date: body.newDeadline, at: this.endOfDay(body.newDeadline, 'newDeadline') };
    return this.execute(user, id, 'requestExtension', { reason: body.reason, newDeadline }, requestId, ctx);
  }

  /** 改派 to another (existing, active, non-bureau) unit. */
  async reassign(
    user: AuthUser,
    id: string,
    body: { unitId: number; reason: string },
    requestId: string,
    ctx: StepContext = {},
  ): Promise<RectificationState> {
    const unit = await this.units.findOneBy({ id: body.unitId });
    if (!unit || !unit.active || unit.kind === 'bureau')
      throw new AppError('VALIDATION_FAILED', `责任单位 ${body.unitId} 不存在、已停用或不是部门/项目单位`, {
        fields: { unitId: ['无效的责任单位'] },
      });
    return this.execute(user, id, 'reassign', body, requestId, ctx);
  }

  private endOfDay(date: string, field: string): string {
    try {
      return endOfDayInstant(date, this.config.notifications.timezone).toISOString();
    } catch (err) {
      if (err instanceof CalendarError)
        throw new AppError('VALIDATION_FAILED', `${field}: ${err.message}`, {
          fields: { [field]: [err.message] },
        });
      throw err;
    }
  }

  /**
   * Who may take the step (the catalog's side and roles, within the caller's units), then the step itself —
   * answered once per (user, request id): a retry with the same Idempotency-Key gets the first answer.
   */
  async execute<K extends RectificationStepName>(
    user: AuthUser,
    id: string,
    name: K,
    body: CommandBody<K>,
    requestId: string,
    ctx: StepContext = {},
  ): Promise<RectificationState> {
    const row = await this.rectifications.findOne({
      where: { id },
      select: { id: true, unitId: true, status: true },
    });
    if (!row) throw new NotFoundError('整改事项');
    await this.assertMayTake(user, row.unitId, name);
    return this.idempotency.once(user.id, requestId, `${name}:${id}`, () =>
      this.send(user, row, name, body, requestId, ctx),
    );
  }

  private async assertMayTake(user: AuthUser, unitId: number, name: RectificationStepName): Promise<void> {
    const step = STEP_CATALOG[name];
    if (step.side === 'department') return this.scope.assertCanAct(user, unitId, '整改事项');
    await this.scope.assertCanSeeUnit(user, unitId, '整改事项');
    if (!step.roles.includes(user.role))
      throw new ForbiddenError(`无权${step.label}：仅财政局审核人员可办理`, {
        requiredRoles: step.roles,
        role: user.role,
      });
  }

  private async send<K extends RectificationStepName>(
    user: AuthUser,
    row: Pick<RectificationEntity, 'id' | 'status'>,
    name: K,
    body: CommandBody<K>,
    requestId: string,
    ctx: StepContext,
  ): Promise<RectificationState> {
    // A fresh read: a waiting retry of a step that closed the item must not meet the status read before it ran.
    const current = await this.rectifications.findOne({
      where: { id: row.id },
      select: { id: true, status: true },
    });
    const status = current?.status ?? row.status;
    if (FINAL_STATUSES.includes(status))
      throw new TransitionNotAllowedError(`该整改事项${STATUS_LABELS[status]}，不能再办理`);

    const command: StepCommand<K> = { ...body, actor: toActor(user) };
    let state: RectificationState;
    try {
      state = await executeUpdate(this.temporal.workflow.getHandle(row.id), rectificationUpdates[name], {
        args: [command],
        updateId: requestId,
      });
    } catch (err) {
      if (err instanceof WorkflowUpdateFailedError) {
        const cause = err.cause as { message?: string; type?: string } | undefined;
        throw new TransitionNotAllowedError(cause?.message ?? '当前不能办理此步骤', {
          step: name,
          reason: cause?.type,
        });
      }
      if (err instanceof WorkflowNotFoundError)
        throw new TransitionNotAllowedError('该整改事项的流程已结束，不能再办理', { step: name });
      throw err;
    }
    await this.recordStep(user, row.id, name, body, requestId, state, ctx);
    return state;
  }

  /**
   * Every applied step goes to the audit trail — here rather than in an interceptor because this is the one
   * gateway every step passes (HTTP today, scripts tomorrow) and the only place that knows the resolved command
   * and its outcome. Only applied steps are changes: a refused one (403/404/409) is not recorded. A retried
   * request (same Update id) is recorded again with the same requestId and eventSeq, which shows it was a retry.
   * An audit write failing after the Update fails the request; the client's retry (same key) records it then.
   */
  private recordStep(
    user: AuthUser,
    id: string,
    name: RectificationStepName,
    body: object,
    requestId: string,
    state: RectificationState,
    ctx: StepContext,
  ): Promise<void> {
    return this.audit.record({
      actor: user,
      action: `rectification.${name}`,
      entityType: 'rectification',
      entityId: id,
      ip: ctx.ip ?? null,
      payload: { requestId, input: body, result: { status: state.status, eventSeq: state.eventSeq } },
    });
  }
}
