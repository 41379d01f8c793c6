import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessScopeService, AuthUser, restrictToUnits } from '@rectiflow/auth';
import { NotFoundError } from '@rectiflow/common';
import { RECHECK_OUTCOME_LABELS } from '@rectiflow/contracts';
import { RecheckEntity } from '@rectiflow/persistence';
import type { RecheckView } from './recheck.types';

/** 回头看 tasks within the caller's units (bureau: all; a department: its own, 404 for another's). */
@Injectable()
export class RecheckQueryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: AccessScopeService,
  ) {}

  async list(user: AuthUser, status?: 'due' | 'done'): Promise<RecheckView[]> {
    const qb = this.db.getRepository(RecheckEntity).createQueryBuilder('c').orderBy('c.dueAt', 'ASC');
    if (status) qb.andWhere('c.status = :status', { status });
    restrictToUnits(qb, 'c.unitId', await this.scope.visibleUnitIds(user));
    return (await qb.getMany()).map(toView);
  }

  async get(user: AuthUser, id: number): Promise<RecheckEntity> {
    const row = await this.db.getRepository(RecheckEntity).findOneBy({ id });
    if (!row) throw new NotFoundError('回头看', id);
    await this.scope.assertCanSeeUnit(user, row.unitId, '回头看');
    return row;
  }

  async view(user: AuthUser, id: number): Promise<RecheckView> {
    return toView(await this.get(user, id));
  }
}

export function toView(r: RecheckEntity): RecheckView {
  return {
    id: r.id,
    rectificationId: r.rectificationId,
    evaluationId: r.evaluationId,
    findingTitle: r.findingTitle,
    unitId: r.unitId,
    dueAt: r.dueAt.toISOString(),
    status: r.status,
    outcome: r.outcome,
    outcomeLabel: r.outcome ? RECHECK_OUTCOME_LABELS[r.outcome] : null,
    note: r.note,
    decidedAt: r.decidedAt ? r.decidedAt.toISOString() : null,
    decidedBy: r.decidedByName,
    reboundRectificationId: r.reboundRectificationId,
  };
}
