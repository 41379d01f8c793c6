import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 督办文书: one letter per rung reached (提醒函 / 督办通知书 / 约谈通知书 / 通报), its 文号 sequence and the units'
 * written replies. (rectificationId, eventSeq, level) makes a retried projection activity find the letter it
 * already created instead of allocating a second number; (prefix, year, seq) makes a duplicate 文号 impossible.
 * The sequence row per (prefix, year) is locked FOR UPDATE by the allocating transaction, so numbers are gapless.
 */
export class CreateSupervisionLetters1765300000000 implements MigrationInterface {
  name = 'CreateSupervisionLetters1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE letter_sequence (
      prefix VARCHAR(40) NOT NULL,
      year SMALLINT UNSIGNED NOT NULL,
      lastSeq INT UNSIGNED NOT NULL DEFAULT 0,
      PRIMARY KEY (prefix, year)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`CREATE TABLE supervision_letter (
      id INT NOT NULL AUTO_INCREMENT,
      rectificationId VARCHAR(120) NOT NULL,
      eventSeq INT NOT NULL,
      level TINYINT UNSIGNED NOT NULL,
      unitId INT NOT NULL,
      prefix VARCHAR(40) NOT NULL,
      year SMALLINT UNSIGNED NOT NULL,
      seq INT UNSIGNED NOT NULL,
      docNumber VARCHAR(80) NOT NULL,
      issuedAt DATETIME(3) NOT NULL,
      fileName VARCHAR(255) NOT NULL,
      sha256 CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL,
      storageKey VARCHAR(200) NULL,
      size INT UNSIGNED NULL,
      createdAt DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      PRIMARY KEY (id),
      UNIQUE KEY ux_letter_rung (rectificationId, eventSeq, level),
      UNIQUE KEY ux_letter_number (prefix, year, seq),
      KEY ix_letter_unit (unitId, issuedAt),
      CONSTRAINT fk_letter_rectification FOREIGN KEY (rectificationId) REFERENCES rectification (id)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`CREATE TABLE letter_reply (
      id INT NOT NULL AUTO_INCREMENT,
      letterId INT NOT NULL,
      sha256 CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
      storageKey VARCHAR(200) NOT NULL,
      originalName VARCHAR(255) NOT NULL,
      detectedType VARCHAR(10) NOT NULL,
      mimeType VARCHAR(100) NOT NULL,
      size INT UNSIGNED NOT NULL,
      uploadedById INT NULL,
      uploadedByName VARCHAR(100) NOT NULL,
      uploadedAt DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      PRIMARY KEY (id),
      KEY ix_letter_reply_letter (letterId),
      CONSTRAINT fk_letter_reply_letter FOREIGN KEY (letterId) REFERENCES supervision_letter (id),
      CONSTRAINT fk_letter_reply_user FOREIGN KEY (uploadedById) REFERENCES app_user (id) ON DELETE SET NULL
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE letter_reply');
    await q.query('DROP TABLE supervision_letter');
    await q.query('DROP TABLE letter_sequence');
  }
}
