import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Evidence files (佐证材料) and the indexes the ledger's sorts and filters need on `rectification`
 * (updatedAt, escalation level, overdue; currentDeadline and unit/status are indexed already). InnoDB appends
 * the primary key to every secondary index, so each of these also serves the export's keyset order (key, id).
 */
export class CreateEvidenceFiles1764200000000 implements MigrationInterface {
  name = 'CreateEvidenceFiles1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE evidence_file (
      id INT NOT NULL AUTO_INCREMENT,
      rectificationId VARCHAR(120) NOT NULL,
      evidenceId INT NULL,
      sha256 CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
      storageKey VARCHAR(200) NOT NULL,
      originalName VARCHAR(255) NOT NULL,
      detectedType VARCHAR(10) NOT NULL,
      mimeType VARCHAR(100) NOT NULL,
      size INT UNSIGNED NOT NULL,
      uploadedById INT NULL,
      uploadedAt DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      PRIMARY KEY (id),
      KEY ix_evidence_file_rectification (rectificationId, evidenceId),
      KEY ix_evidence_file_sha256 (sha256),
      KEY ix_evidence_file_uploaded_by (uploadedById),
      CONSTRAINT fk_evidence_file_rectification FOREIGN KEY (rectificationId) REFERENCES rectification (id),
      CONSTRAINT fk_evidence_file_uploaded_by FOREIGN KEY (uploadedById) REFERENCES app_user (id) ON DELETE SET NULL
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`ALTER TABLE rectification
      ADD KEY ix_rectification_updated (updatedAt),
      ADD KEY ix_rectification_escalation (escalationLevel, currentDeadline),
      ADD KEY ix_rectification_overdue (overdue, currentDeadline)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rectification
      DROP KEY ix_rectification_updated,
      DROP KEY ix_rectification_escalation,
      DROP KEY ix_rectification_overdue`);
    await q.query('DROP TABLE evidence_file');
  }
}
