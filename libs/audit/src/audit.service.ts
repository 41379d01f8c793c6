import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AuditLogEntity } from '@rectiflow/persistence';
import type { AuditActor, AuditEntry, AuditSearch } from './audit-entry';
import { auditPayload } from './redact-secrets';

/**
 * The append-only audit trail. `record` is the only writer and it only inserts; there is deliberately no update
 * or delete method. Pass the transaction's EntityManager when the change itself runs in a transaction, so that
 * the change and its trail commit (or roll back) together.
 */
@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditLogEntity) private readonly log: Repository<AuditLogEntity>) {}

  async record(entry: AuditEntry, manager?: EntityManager): Promise<void> {
    const actor = actorOf(entry.actor);
    const repo = manager ? manager.getRepository(AuditLogEntity) : this.log;
    // updateEntity(false): nothing reads the generated id and createdAt back, and on MySQL TypeORM would fetch
    // them with a second statement on every audited request.
    await repo
      .createQueryBuilder()
      .insert()
      .values({
        actorId: actor.id,
        actorName: actor.name.slice(0, 100),
        action: entry.action.slice(0, 64),
        entityType: entry.entityType.slice(0, 64),
        entityId:
          entry.entityId === undefined || entry.entityId === null
            ? null
            : String(entry.entityId).slice(0, 64),
        ip: entry.ip ? entry.ip.slice(0, 45) : null,
        // TypeORM's deep-partial type cannot express free JSON (unknown values); the column takes any JSON object.
        payload: auditPayload(entry.payload) as QueryDeepPartialEntity<AuditLogEntity['payload']>,
      })
      .updateEntity(false)
      .execute();
  }

  /** Newest first. */
  async search(q: AuditSearch): Promise<{ items: AuditLogEntity[]; total: number }> {
    const qb = this.log.createQueryBuilder('a');
    if (q.actorId !== undefined) qb.andWhere('a.actorId = :actorId', { actorId: q.actorId });
    if (q.action !== undefined) {
      if (q.action.endsWith('.'))
        qb.andWhere('a.action LIKE :action', { action: `${q.action.replace(/[\\%_]/g, '\\$&')}%` });
      else qb.andWhere('a.action = :action', { action: q.action });
    }
    if (q.entityType !== undefined) qb.andWhere('a.entityType = :entityType', { entityType: q.entityType });
    if (q.entityId !== undefined) qb.andWhere('a.entityId = :entityId', { entityId: q.entityId });
    if (q.from !== undefined) qb.andWhere('a.createdAt >= :from', { from: q.from });
    if (q.to !== undefined) qb.andWhere('a.createdAt < :to', { to: q.to });
    const [items, total] = await qb
      .orderBy('a.id', 'DESC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    return { items, total };
  }
}

function actorOf(actor: AuditEntry['actor']): AuditActor {
  if (!actor) return { id: null, name: 'anonymous' };
  if ('username' in actor) return { id: actor.id, name: actor.username };
  return actor;
}
