import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { AuditService } from '@rectiflow/audit';
import type { AuthUser } from '@rectiflow/auth';
import {
  endOfDayInstant,
  HolidayCalendarProvider,
  isCalendarDate,
  resolveDeadlineProvisional,
} from '@rectiflow/calendar';
import { AppError, DependencyUnavailableError, TransitionNotAllowedError } from '@rectiflow/common';
import { AppConfig } from '@rectiflow/config';
import {
  CURRENT_RUN_FLAGS,
  decideRecheckUpdate,
  RECHECK_OUTCOMES,
  recheckWorkflowId,
  reboundRectificationId,
  reboundRound,
  type Deadline,
  type RecheckDecision,
} from '@rectiflow/contracts';
import { RectificationEntity } from '@rectiflow/persistence';
import { executeUpdate } from '@rectiflow/temporal';
import { toActor, TYPE_DEFAULTS } from '@rectiflow/rectification';
import { RecheckQueryService } from './recheck-query.service';
import type { RecheckDecisionInput, RecheckView } from './recheck.types';

const NOTE_MAX = 2000;

/**
 * The bureau's 回头看 decision, sent as an Update to the item's recheck workflow: 巩固 leaves the item closed;
 * 反弹 starts round N+1 of the same finding and unit with its own deadline (given, or the type's default rule
 * from today) and the old item's timing policy. The workflow records the row and the timeline events.
 */
@Injectable()
export class RecheckDecisionService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly rechecks: RecheckQueryService,
    private readonly temporal: Client,
    private readonly config: AppConfig,
    private readonly calendars: HolidayCalendarProvider,
    private readonly audit: AuditService,
  ) {}

  async decide(user: AuthUser, id: number, input: RecheckDecisionInput, ip?: string): Promise<RecheckView> {
    const row = await this.rechecks.get(user, id);
    assertInput(input);
    if (row.status === 'done')
      throw new TransitionNotAllowedError('该回头看已作出结论，不能再次决定', { id });
    const old = await this.db.getRepository(RectificationEntity).findOneByOrFail({ id: row.rectificationId });
    const now = new Date();
    const decision: RecheckDecision = {
      outcome: input.outcome,
      note: input.note.trim(),
      decidedBy: toActor(user),
      decidedAt: now.toISOString(),
    };
    if (input.outcome === 'rebound') {
      const tz = this.config.notifications.timezone;
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: tz }).format(now);
      const deadline = this.deadline(today, old.type, input.deadline);
      decision.rebound = {
        rectificationId: reboundRectificationId(old.evaluationId, old.findingSeq, reboundRound(old.id) + 1),
        evaluationId: old.evaluationId,
        findingSeq: old.findingSeq,
        findingTitle: old.findingTitle,
        unitId: old.unitId,
        type: old.type,
        deadline,
        deliveryDate: today,
        policy: old.state.policy,
        issuedBy: decision.decidedBy,
        ...CURRENT_RUN_FLAGS,
      };
    }
    try {
      await executeUpdate(
        this.temporal.workflow.getHandle(recheckWorkflowId(row.rectificationId)),
        decideRecheckUpdate,
        {
          args: [decision],
        },
      );
    } catch (err) {
      if (err instanceof WorkflowUpdateFailedError)
        throw new TransitionNotAllowedError(err.cause?.message ?? '回头看当前不能作出结论', { id });
      if (err instanceof WorkflowNotFoundError)
        throw new TransitionNotAllowedError('回头看流程不存在或已结束', { id });
      throw new DependencyUnavailableError('temporal', err);
    }
    await this.audit.record({
      actor: user,
      action: 'recheck.decide',
      entityType: 'rectification',
      entityId: row.rectificationId,
      ip,
      payload: { outcome: decision.outcome, rebound: decision.rebound?.rectificationId ?? null },
    });
    return this.rechecks.view(user, id);
  }

  private deadline(today: string, type: RectificationEntity['type'], given?: string): Deadline {
    const tz = this.config.notifications.timezone;
    if (given !== undefined) {
      if (given <= today)
        throw new AppError('VALIDATION_FAILED', '反弹后的整改时限（deadline）须晚于今天', {
          deadline: given,
        });
      return { date: given, at: endOfDayInstant(given, tz).toISOString() };
    }
    const { date, provisional } = resolveDeadlineProvisional(
      today,
      TYPE_DEFAULTS[type].rule,
      this.calendars.current(),
    );
    return { date, at: endOfDayInstant(date, tz).toISOString(), ...(provisional ? { provisional } : {}) };
  }
}

function assertInput(input: RecheckDecisionInput): void {
  if (!RECHECK_OUTCOMES.includes(input.outcome))
    throw new AppError(
      'VALIDATION_FAILED',
      '回头看结论（outcome）须为 巩固（consolidated）或 反弹（rebound）',
    );
  if (typeof input.note !== 'string' || !input.note.trim() || input.note.length > NOTE_MAX)
    throw new AppError('VALIDATION_FAILED', `回头看说明（note）不能为空，且不超过 ${NOTE_MAX} 字`);
  if (input.deadline !== undefined && input.outcome !== 'rebound')
    throw new AppError('VALIDATION_FAILED', '只有反弹才能设置新的整改时限（deadline）');
  if (input.deadline !== undefined && !isCalendarDate(input.deadline))
    throw new AppError('VALIDATION_FAILED', '整改时限（deadline）须为 YYYY-MM-DD 格式的日期');
}
