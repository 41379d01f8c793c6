import { randomUUID } from 'node:crypto';

/** Anything that runs a parameterised statement: a TypeORM DataSource or a mysql2 pool. */
export interface SqlRunner {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/**
 * A draft evaluation of `n` findings written straight to MySQL in bulk (1,000 rows a statement): what a huge form
 * would import as, without spending minutes in the importer. `longTitles` gives every finding the longest title
 * allowed (500 characters), so payload sizes measured on it are the worst case.
 */
export async function seedSyntheticEvaluation(
  db: SqlRunner,
  n: number,
  opts: { longTitles?: boolean } = {},
): Promise<string> {
  const id = randomUUID();
  await db.query(`INSERT INTO evaluation (id, status, title, warnings) VALUES (?, 'draft', ?, '[]')`, [
    id,
    `合成评价（${n} 个问题）`,
  ]);
  for (let from = 1; from <= n; from += 1000) {
    const rows: unknown[][] = [];
    for (let seq = from; seq < Math.min(from + 1000, n + 1); seq++) {
      const title = `问题${seq}：项目资金使用不规范，绩效目标设置不够细化`;
      rows.push([
        id,
        seq,
        opts.longTitles ? title.padEnd(500, '资') : title,
        `（${seq}）项目资金使用不规范，部分支出缺少审批手续，绩效目标设置不够细化量化。`,
        '[]',
      ]);
    }
    await db.query('INSERT INTO finding (evaluationId, seq, title, text, points) VALUES ?', [rows]);
  }
  return id;
}
