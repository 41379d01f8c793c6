import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 回头看: one task per closed item, opened by its recheck workflow when due. A 反弹 reopens the same finding as
 * a new round of it (`round` 1, 2… with `reboundOf` the item it reopens), so the finding's uniqueness now
 * includes the round.
 */
export class CreateRechecks1765450000000 implements MigrationInterface {
  name = 'CreateRechecks1765450000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rectification
      ADD COLUMN round INT NOT NULL DEFAULT 0,
      ADD COLUMN reboundOf VARCHAR(120) NULL,
      ADD UNIQUE KEY uq_rectification_finding_round (evaluationId, findingSeq, round),
      DROP INDEX uq_rectification_finding`);
    await q.query(`CREATE TABLE recheck (
      id INT NOT NULL AUTO_INCREMENT,
      rectificationId VARCHAR(120) NOT NULL,
      evaluationId CHAR(36) NOT NULL,
      findingSeq INT NOT NULL,
      findingTitle VARCHAR(500) NOT NULL,
      unitId INT NOT NULL,
      dueAt DATETIME(3) NOT NULL,
      status VARCHAR(10) NOT NULL,
      outcome VARCHAR(20) NULL,
      note TEXT NULL,
      decidedById INT NULL,
      decidedByName VARCHAR(100) NULL,
      decidedAt DATETIME(3) NULL,
      reboundRectificationId VARCHAR(120) NULL,
      createdAt DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      PRIMARY KEY (id),
      UNIQUE KEY ux_recheck_rectification (rectificationId),
      KEY ix_recheck_unit_status (unitId, status, dueAt),
      CONSTRAINT fk_recheck_rectification FOREIGN KEY (rectificationId) REFERENCES rectification (id)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE recheck');
    await q.query(`ALTER TABLE rectification
      ADD UNIQUE KEY uq_rectification_finding (evaluationId, findingSeq),
      DROP INDEX uq_rectification_finding_round,
      DROP COLUMN reboundOf,
      DROP COLUMN round`);
  }
}
