import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  RECHECK_EVENT_SEQ,
  RECHECK_OUTCOME_LABELS,
  type RecheckActivities,
  type RecheckDecision,
  type RecheckInput,
} from '@rectiflow/contracts';
import { RecheckEntity, RectificationEventEntity } from '@rectiflow/persistence';

/**
 * The recheck workflow's writes: the task row and the old item's timeline events, each in one transaction and
 * idempotent (unique rectificationId, fixed event seq), so a retried activity changes nothing twice.
 */
@Injectable()
export class RecheckActivityService implements RecheckActivities {
  constructor(private readonly db: DataSource) {}

  async openRecheck({ recheck, dueAt }: { recheck: RecheckInput; dueAt: string }): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx
        .createQueryBuilder()
        .insert()
        .into(RecheckEntity)
        .values({
          rectificationId: recheck.rectificationId,
          evaluationId: recheck.evaluationId,
          findingSeq: recheck.findingSeq,
          findingTitle: recheck.findingTitle.slice(0, 500),
          unitId: recheck.unitId,
          dueAt: new Date(dueAt),
          status: 'due',
        })
        .orIgnore()
        .updateEntity(false)
        .execute();
      await this.event(tx, recheck.rectificationId, 'recheck_due', null, dueAt, { dueAt });
    });
  }

  async recordRecheckDecision({
    rectificationId,
    decision,
  }: {
    rectificationId: string;
    decision: RecheckDecision;
  }): Promise<void> {
    const reboundId = decision.rebound?.rectificationId ?? null;
    await this.db.transaction(async (tx) => {
      await tx.getRepository(RecheckEntity).update(
        { rectificationId },
        {
          status: 'done',
          outcome: decision.outcome,
          note: decision.note,
          decidedById: decision.decidedBy.userId,
          decidedByName: decision.decidedBy.name.slice(0, 100),
          decidedAt: new Date(decision.decidedAt),
          reboundRectificationId: reboundId,
        },
      );
      await this.event(tx, rectificationId, 'recheck_decided', decision.decidedBy, decision.decidedAt, {
        outcome: decision.outcome,
        label: RECHECK_OUTCOME_LABELS[decision.outcome],
        note: decision.note,
        reboundRectificationId: reboundId,
        deadline: decision.rebound?.deadline.date ?? null,
      });
    });
  }

  private async event(
    tx: EntityManager,
    rectificationId: string,
    action: keyof typeof RECHECK_EVENT_SEQ,
    actor: RecheckDecision['decidedBy'] | null,
    at: string,
    payload: Record<string, unknown>,
  ): Promise<void> {
    await tx
      .createQueryBuilder()
      .insert()
      .into(RectificationEventEntity)
      .values({
        rectificationId,
        seq: RECHECK_EVENT_SEQ[action],
        action,
        actorId: actor?.userId ?? null,
        actorName: actor?.name ?? '系统',
        payload: payload as object,
        occurredAt: new Date(at),
      })
      .orIgnore()
      .updateEntity(false)
      .execute();
  }
}
