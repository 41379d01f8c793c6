import type { Pool } from 'mysql2/promise';

export interface RawEngineActivities {
  rawInsert(batch: string, key: string): Promise<void>;
}

/** The baseline's one INSERT, idempotent like Rectiflow's writes (a retried activity inserts once). */
export function createRawEngineActivities(pool: Pool): RawEngineActivities {
  return {
    async rawInsert(batch, key) {
      await pool.query('INSERT IGNORE INTO bench_raw (batch, k, at) VALUES (?, ?, NOW(3))', [batch, key]);
    },
  };
}

export const RAW_TABLE_DDL =
  'CREATE TABLE IF NOT EXISTS bench_raw (batch VARCHAR(64) NOT NULL, k VARCHAR(64) NOT NULL, at DATETIME(3) NOT NULL, PRIMARY KEY (batch, k))';
