import type { EntityManager } from 'typeorm';

/**
 * Ids of `rootId` and every unit below it, via a recursive CTE (MariaDB ≥ 10.2, MySQL ≥ 8). UNION rather than
 * UNION ALL so that a corrupt cycle in parentId ends the recursion instead of looping. Empty if rootId is unknown.
 */
export async function unitSubtreeIds(manager: EntityManager, rootId: number): Promise<number[]> {
  const rows: { id: number | string }[] = await manager.query(
    `WITH RECURSIVE subtree (id) AS (
       SELECT id FROM unit WHERE id = ?
       UNION
       SELECT u.id FROM unit u INNER JOIN subtree s ON u.parentId = s.id
     )
     SELECT id FROM subtree`,
    [rootId],
  );
  return rows.map((r) => Number(r.id)).sort((a, b) => a - b);
}
