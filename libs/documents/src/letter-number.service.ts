import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { LetterSequenceEntity } from '@rectiflow/persistence';

/**
 * Allocates 文号 sequence numbers per (prefix, year), gapless and without duplicates under concurrency: the
 * sequence row is created if missing (INSERT IGNORE), then locked FOR UPDATE and advanced inside the caller's
 * transaction. A rolled-back transaction gives its numbers back with it, so no number is ever skipped; concurrent
 * allocators queue on the row lock. Callers lock other rows (the rectification) before this one, always in that
 * order, so allocation never deadlocks against the projection.
 */
@Injectable()
export class LetterNumberService {
  async allocate(tx: EntityManager, prefix: string, year: number, count = 1): Promise<number[]> {
    await tx
      .createQueryBuilder()
      .insert()
      .into(LetterSequenceEntity)
      .values({ prefix, year, lastSeq: 0 })
      .orIgnore()
      .updateEntity(false)
      .execute();
    const row = await tx
      .getRepository(LetterSequenceEntity)
      .createQueryBuilder('s')
      .setLock('pessimistic_write')
      .where('s.prefix = :prefix AND s.year = :year', { prefix, year })
      .getOneOrFail();
    const first = row.lastSeq + 1;
    await tx.getRepository(LetterSequenceEntity).update({ prefix, year }, { lastSeq: row.lastSeq + count });
    return Array.from({ length: count }, (_, i) => first + i);
  }
}
