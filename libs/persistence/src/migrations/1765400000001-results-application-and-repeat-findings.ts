import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 结果应用 and 屡查屡犯: the bureau's treatment rule as one JSON row (absent = the shipped defaults), and on each
 * finding the earlier finding it repeats (`repeatOf`, null when none was found similar enough).
 */
export class ResultsApplicationAndRepeatFindings1765400000001 implements MigrationInterface {
  name = 'ResultsApplicationAndRepeatFindings1765400000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE finding ADD COLUMN repeatOf JSON NULL');
    await q.query(`CREATE TABLE results_application_rule (
      id TINYINT UNSIGNED NOT NULL,
      rule JSON NOT NULL,
      updatedById INT NULL,
      updatedAt DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
      PRIMARY KEY (id)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE results_application_rule');
    await q.query('ALTER TABLE finding DROP COLUMN repeatOf');
  }
}
