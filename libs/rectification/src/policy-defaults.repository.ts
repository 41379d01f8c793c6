import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { PolicyDefaults } from '@rectiflow/contracts';
import { AppUserEntity, PolicyDefaultsEntity } from '@rectiflow/persistence';

const ROW_ID = 1;

export interface StoredPolicyDefaults {
  defaults: PolicyDefaults;
  updatedAt: Date;
  updatedBy: { id: number; username: string; displayName: string } | null;
}

/** The one row of `policy_defaults`. Bureau-wide: no unit scope applies (only bureau roles reach it). */
@Injectable()
export class PolicyDefaultsRepository {
  constructor(private readonly db: DataSource) {}

  /** The stored defaults, or null; `lock` holds the row for a transaction that replaces it. */
  async find(manager: EntityManager = this.db.manager, lock = false): Promise<StoredPolicyDefaults | null> {
    const qb = manager.getRepository(PolicyDefaultsEntity).createQueryBuilder('p').where('p.id = :id', {
      id: ROW_ID,
    });
    if (lock) qb.setLock('pessimistic_write');
    const row = await qb.getOne();
    if (!row) return null;
    const user = row.updatedById
      ? await manager.getRepository(AppUserEntity).findOne({
          where: { id: row.updatedById },
          select: { id: true, username: true, displayName: true },
        })
      : null;
    return {
      defaults: {
        requirePlanApproval: Boolean(row.requirePlanApproval),
        reminderOffsetsDays: [...row.reminderOffsetsDays],
        escalationOffsetsDays: [...row.escalationOffsetsDays],
        maxExtensions: row.maxExtensions,
        progressReportIntervalDays: row.progressReportIntervalDays,
      },
      updatedAt: row.updatedAt,
      updatedBy: user ? { id: user.id, username: user.username, displayName: user.displayName } : null,
    };
  }

  async save(defaults: PolicyDefaults, updatedById: number, manager: EntityManager): Promise<void> {
    await manager
      .getRepository(PolicyDefaultsEntity)
      .upsert({ id: ROW_ID, ...defaults, updatedById, updatedAt: new Date() }, ['id']);
  }
}
