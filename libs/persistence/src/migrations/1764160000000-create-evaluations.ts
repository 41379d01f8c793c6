import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * Imported feedback forms: the original document, the evaluation (header facts), its findings and its
 * recommendations. Needs `unit` and `app_user` (CreateAccounts1764150000000). User references are SET NULL
 * on delete so that the record of who imported what never blocks removing an account.
 */
export class CreateEvaluations1764160000000 implements MigrationInterface {
  name = 'CreateEvaluations1764160000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE source_document (
      id INT NOT NULL AUTO_INCREMENT,
      sha256 CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
      originalName VARCHAR(255) NOT NULL,
      format VARCHAR(10) NOT NULL,
      encoding VARCHAR(40) NULL,
      size INT NOT NULL,
      storageKey VARCHAR(200) NOT NULL,
      uploadedById INT NULL,
      createdAt DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      PRIMARY KEY (id),
      UNIQUE KEY uq_source_document_sha256 (sha256),
      KEY ix_source_document_uploaded_by (uploadedById),
      CONSTRAINT fk_source_document_uploaded_by FOREIGN KEY (uploadedById)
        REFERENCES app_user (id) ON DELETE SET NULL
    ) ${TABLE_OPTIONS}`);

    // basicInfo is MEDIUMTEXT rather than TEXT: TEXT holds 64 KB, about 21 000 CJK characters, which a
    // pasted report can exceed, and an over-long value would fail the whole import.
    await q.query(`CREATE TABLE evaluation (
      id CHAR(36) NOT NULL,
      status VARCHAR(20) NOT NULL DEFAULT 'draft',
      sourceDocumentId INT NULL,
      title VARCHAR(500) NULL,
      projectName VARCHAR(500) NULL,
      organizer VARCHAR(255) NULL,
      supervisingDepartment VARCHAR(255) NULL,
      projectUnit VARCHAR(255) NULL,
      projectPeriod VARCHAR(100) NULL,
      evaluator VARCHAR(255) NULL,
      evaluationPeriod VARCHAR(100) NULL,
      score DECIMAL(5,2) NULL,
      grade VARCHAR(4) NULL,
      basicInfo MEDIUMTEXT NULL,
      performanceSummary MEDIUMTEXT NULL,
      budget DECIMAL(14,2) NULL,
      allocated DECIMAL(14,2) NULL,
      spent DECIMAL(14,2) NULL,
      executionRate DECIMAL(6,2) NULL,
      warnings JSON NOT NULL,
      departmentUnitId INT NULL,
      createdById INT NULL,
      issuedAt DATETIME(3) NULL,
      finishedAt DATETIME(3) NULL,
      outcome JSON NULL,
      version INT NOT NULL DEFAULT 1,
      createdAt DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      updatedAt DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
      PRIMARY KEY (id),
      UNIQUE KEY uq_evaluation_source_document (sourceDocumentId),
      KEY ix_evaluation_status_created (status, createdAt),
      KEY ix_evaluation_department_unit (departmentUnitId, status),
      KEY ix_evaluation_created_by (createdById),
      CONSTRAINT fk_evaluation_source_document FOREIGN KEY (sourceDocumentId)
        REFERENCES source_document (id) ON DELETE RESTRICT,
      CONSTRAINT fk_evaluation_department_unit FOREIGN KEY (departmentUnitId)
        REFERENCES unit (id) ON DELETE RESTRICT,
      CONSTRAINT fk_evaluation_created_by FOREIGN KEY (createdById)
        REFERENCES app_user (id) ON DELETE SET NULL
    ) ${TABLE_OPTIONS}`);

    await q.query(`CREATE TABLE finding (
      id INT NOT NULL AUTO_INCREMENT,
      evaluationId CHAR(36) NOT NULL,
      seq INT NOT NULL,
      title VARCHAR(500) NOT NULL,
      text MEDIUMTEXT NOT NULL,
      points JSON NOT NULL,
      recommendationSeq INT NULL,
      createdAt DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      updatedAt DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
      PRIMARY KEY (id),
      UNIQUE KEY uq_finding_evaluation_seq (evaluationId, seq),
      CONSTRAINT fk_finding_evaluation FOREIGN KEY (evaluationId) REFERENCES evaluation (id) ON DELETE CASCADE
    ) ${TABLE_OPTIONS}`);

    await q.query(`CREATE TABLE recommendation (
      id INT NOT NULL AUTO_INCREMENT,
      evaluationId CHAR(36) NOT NULL,
      seq INT NOT NULL,
      title VARCHAR(500) NOT NULL,
      text MEDIUMTEXT NOT NULL,
      createdAt DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      updatedAt DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
      PRIMARY KEY (id),
      UNIQUE KEY uq_recommendation_evaluation_seq (evaluationId, seq),
      CONSTRAINT fk_recommendation_evaluation FOREIGN KEY (evaluationId) REFERENCES evaluation (id) ON DELETE CASCADE
    ) ${TABLE_OPTIONS}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE recommendation');
    await q.query('DROP TABLE finding');
    await q.query('DROP TABLE evaluation');
    await q.query('DROP TABLE source_document');
  }
}
