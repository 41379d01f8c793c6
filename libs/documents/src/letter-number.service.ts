import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * Allocates 文号 sequence numbers per (prefix, year), gapless and without duplicates under concurrency. One
 * statement creates or advances the sequence row, holding its exclusive lock until the caller's transaction ends
 * (INSERT … ON DUPLICATE KEY UPDATE locks the row X at once; an INSERT IGNORE followed by SELECT … FOR UPDATE
 * would take a shared lock first and deadlock two allocators upgrading it). LAST_INSERT_ID(expr) hands the new
 * value back on the same connection. A rolled-back transaction gives its numbers back with it, so no number is
 * skipped; concurrent allocators queue on the row lock. Callers lock the rectification row before this one.
 */
@Injectable()
export class LetterNumberService {
  async allocate(tx: EntityManager, prefix: string, year: number, count = 1): Promise<number[]> {
    await tx.query(
      `INSERT INTO letter_sequence (prefix, year, lastSeq) VALUES (?, ?, LAST_INSERT_ID(?))
       ON DUPLICATE KEY UPDATE lastSeq = LAST_INSERT_ID(lastSeq + ?)`,
      [prefix, year, count, count],
    );
    const [{ last }] = (await tx.query('SELECT LAST_INSERT_ID() AS last')) as { last: string | number }[];
    const first = Number(last) - count + 1;
    return Array.from({ length: count }, (_, i) => first + i);
  }
}
