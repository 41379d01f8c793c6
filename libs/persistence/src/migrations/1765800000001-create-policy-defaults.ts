import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The bureau's default rectification policy, edited by an administrator (issue 11): one row, id 1; absent = the
 * environment's REMINDER_OFFSETS_DAYS / ESCALATION_OFFSETS_DAYS / MAX_EXTENSIONS. Who saved it last and when.
 */
export class CreatePolicyDefaults1765800000001 implements MigrationInterface {
  name = 'CreatePolicyDefaults1765800000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE policy_defaults (
      id TINYINT UNSIGNED NOT NULL,
      requirePlanApproval TINYINT(1) NOT NULL,
      reminderOffsetsDays JSON NOT NULL,
      escalationOffsetsDays JSON NOT NULL,
      maxExtensions SMALLINT UNSIGNED NOT NULL,
      progressReportIntervalDays SMALLINT UNSIGNED NULL,
      updatedById INT NULL,
      updatedAt DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
      PRIMARY KEY (id)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE policy_defaults');
  }
}
