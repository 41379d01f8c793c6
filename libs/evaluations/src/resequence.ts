import type { EntityManager } from 'typeorm';
import { FindingEntity, RecommendationEntity } from '@rectiflow/persistence';

/** Above any real seq: rows are parked here while UNIQUE(evaluationId, seq) is rewritten. */
const PARK = 1_000_000;
/** Rows inserted during an edit take a temporary seq here until `resequence` places them. */
export const TEMP_SEQ_BASE = 2 * PARK;

type Sequenced = typeof FindingEntity | typeof RecommendationEntity;

/**
 * Gives the evaluation's rows seq 1…n in the order of `orderedIds`. MySQL checks a unique key row by row
 * during an UPDATE, so shifting seqs in place would collide; instead every row is first parked above PARK,
 * then all are set at once. Call inside the edit's transaction, after inserts (at TEMP_SEQ_BASE + i) and
 * deletes; `orderedIds` must list every remaining row.
 */
export async function resequence(
  manager: EntityManager,
  entity: Sequenced,
  evaluationId: string,
  orderedIds: number[],
): Promise<Map<number, number>> {
  const table = manager.getRepository(entity).metadata.tableName;
  const old: Array<{ id: number; seq: number }> = await manager.query(
    `SELECT id, seq FROM \`${table}\` WHERE evaluationId = ?`,
    [evaluationId],
  );
  if (old.length !== orderedIds.length || !old.every((r) => orderedIds.includes(Number(r.id)))) {
    throw new Error(`resequence(${table}): ordered ids do not match the stored rows`);
  }
  /** old seq → new seq, for callers that keep references by seq (findings → recommendations) */
  const moves = new Map<number, number>();
  const newSeq = new Map(orderedIds.map((id, i) => [id, i + 1]));
  for (const r of old) moves.set(Number(r.seq), newSeq.get(Number(r.id))!);
  if (!orderedIds.length) return moves;
  await manager.query(`UPDATE \`${table}\` SET seq = seq + ? WHERE evaluationId = ?`, [PARK, evaluationId]);
  const cases = orderedIds.map(() => 'WHEN ? THEN ?').join(' ');
  await manager.query(
    `UPDATE \`${table}\` SET seq = CASE id ${cases} END WHERE evaluationId = ? AND id IN (?)`,
    [...orderedIds.flatMap((id, i) => [id, i + 1]), evaluationId, orderedIds],
  );
  return moves;
}
