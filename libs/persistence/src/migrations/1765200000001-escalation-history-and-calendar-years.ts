import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 10 §1–2. On `rectification`, written by the projection: the highest rung ever reached (an approved
 * extension resets the current one, the ledger still shows what happened) and whether the current deadline is
 * provisional (counted into a year whose 放假/调休 arrangement was not loaded). `calendar_year` holds the years an
 * administrator loaded; they override the shipped data files.
 */
export class EscalationHistoryAndCalendarYears1765200000001 implements MigrationInterface {
  name = 'EscalationHistoryAndCalendarYears1765200000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rectification
      ADD COLUMN maxEscalationLevel TINYINT NOT NULL DEFAULT 0 AFTER escalationLevel,
      ADD COLUMN deadlineProvisional BOOLEAN NOT NULL DEFAULT FALSE AFTER currentDeadlineAt`);
    // Backfill from the stored state: '$.escalations[*].level' works on MariaDB and MySQL alike.
    await q.query(`UPDATE rectification SET maxEscalationLevel = GREATEST(escalationLevel,
      CASE
        WHEN JSON_CONTAINS(COALESCE(JSON_EXTRACT(state, '$.escalations[*].level'), '[]'), '4') THEN 4
        WHEN JSON_CONTAINS(COALESCE(JSON_EXTRACT(state, '$.escalations[*].level'), '[]'), '3') THEN 3
        WHEN JSON_CONTAINS(COALESCE(JSON_EXTRACT(state, '$.escalations[*].level'), '[]'), '2') THEN 2
        WHEN JSON_CONTAINS(COALESCE(JSON_EXTRACT(state, '$.escalations[*].level'), '[]'), '1') THEN 1
        ELSE 0
      END)`);
    await q.query(`CREATE TABLE calendar_year (
      year SMALLINT NOT NULL,
      holidays JSON NOT NULL,
      workdays JSON NOT NULL,
      updatedById INT NULL,
      updatedAt DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
      PRIMARY KEY (year)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE calendar_year');
    await q.query(
      'ALTER TABLE rectification DROP COLUMN maxEscalationLevel, DROP COLUMN deadlineProvisional',
    );
  }
}
