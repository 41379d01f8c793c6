import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { Repository } from 'typeorm';
import { AuditService } from '@rectiflow/audit';
import { AccessScopeService, AuthUser, ForbiddenError } from '@rectiflow/auth';
import { CalendarError, endOfDayInstant } from '@rectiflow/calendar';
import { AppError, NotFoundError, TransitionNotAllowedError } from '@rectiflow/common';
import { AppConfig } from '@rectiflow/config';
import {
  FINAL_STATUSES,
  RectificationCommandName,
  RectificationCommands,
  RectificationState,
  rectificationUpdates,
  STATUS_LABELS,
} from '@rectiflow/contracts';
import { RectificationEntity, UnitEntity } from '@rectiflow/persistence';
import { toActor } from './actor';

/** Steps the department takes for its own items. */
const DEPARTMENT_STEPS: RectificationCommandName[] = [
  'acknowledge',
  'submitPlan',
  'addEvidence',
  'submit',
  'reportProgress',
  'requestExtension',
];
/** Steps only the bureau's reviewers (and administrators) take. */
const BUREAU_STEPS: RectificationCommandName[] = [
  'approvePlan',
  'returnPlan',
  'review',
  'decideExtension',
  'reassign',
  'cancel',
];
const BUREAU_ACTORS = ['bureau_reviewer', 'bureau_admin'];

export type CommandBody<K extends RectificationCommandName> = Omit<RectificationCommands[K], 'actor'>;

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

  async execute<K extends RectificationCommandName>(
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
    if (DEPARTMENT_STEPS.includes(name)) await this.scope.assertCanAct(user, row.unitId, '整改事项');
    else {
      await this.scope.assertCanSeeUnit(user, row.unitId, '整改事项');
      if (BUREAU_STEPS.includes(name) && !BUREAU_ACTORS.includes(user.role))
        throw new ForbiddenError('无权执行此操作：仅财政局审核人员可办理', {
          requiredRoles: BUREAU_ACTORS,
          role: user.role,
        });
    }
    if (FINAL_STATUSES.includes(row.status))
      throw new TransitionNotAllowedError(`该整改事项${STATUS_LABELS[row.status]}，不能再办理`);

    const command = { ...body, actor: toActor(user) } as RectificationCommands[K];
    const update = rectificationUpdates[name] as unknown as typeof rectificationUpdates.acknowledge;
    let state: RectificationState;
    try {
      state = await this.temporal.workflow.getHandle(id).executeUpdate(update, {
        args: [command as unknown as RectificationCommands['acknowledge']],
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
    await this.recordStep(user, id, name, body, requestId, state, ctx);
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
    name: RectificationCommandName,
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
