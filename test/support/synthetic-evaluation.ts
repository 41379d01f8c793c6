import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';

/**
 * A draft evaluation of `n` findings written straight to MySQL: what a huge form would import as, without
 * spending minutes in the importer. Titles are the longest a finding may have (500 characters), so payload
 * sizes measured on it are the worst case.
 */
export async function seedSyntheticEvaluation(ds: DataSource, n: number): Promise<string> {
  const id = randomUUID();
  await ds.query(`INSERT INTO evaluation (id, status, title, warnings) VALUES (?, 'draft', ?, '[]')`, [
    id,
    `合成评价（${n} 个问题）`,
  ]);
  for (let from = 1; from <= n; from += 1000) {
    const rows: unknown[][] = [];
    for (let seq = from; seq < Math.min(from + 1000, n + 1); seq++)
      rows.push([id, seq, `问题${seq}`.padEnd(500, '资'), `（${seq}）资金使用不规范。`, '[]']);
    await ds.query('INSERT INTO finding (evaluationId, seq, title, text, points) VALUES ?', [rows]);
  }
  return id;
}
