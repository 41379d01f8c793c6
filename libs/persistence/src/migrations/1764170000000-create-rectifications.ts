import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateRectifications1764170000000 implements MigrationInterface {
  name = 'CreateRectifications1764170000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE rectification (
      id VARCHAR(120) NOT NULL,
      evaluationId CHAR(36) NOT NULL,
      findingSeq INT NOT NULL,
      findingTitle VARCHAR(500) NOT NULL,
      status VARCHAR(20) NOT NULL,
      type VARCHAR(20) NOT NULL,
      unitId INT NOT NULL,
      originalDeadline DATE NOT NULL,
      currentDeadline DATE NOT NULL,
      currentDeadlineAt DATETIME(3) NOT NULL,
      extensionCount INT NOT NULL DEFAULT 0,
      escalationLevel TINYINT NOT NULL DEFAULT 0,
      overdue TINYINT(1) NOT NULL DEFAULT 0,
      responsiblePerson VARCHAR(100) NULL,
      evidenceCount INT NOT NULL DEFAULT 0,
      lastReviewResult VARCHAR(20) NULL,
      issuedAt DATETIME(3) NOT NULL,
      closedAt DATETIME(3) NULL,
      cancelledAt DATETIME(3) NULL,
      state JSON NOT NULL,
      lastEventSeq INT NOT NULL,
      updatedAt DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
      PRIMARY KEY (id),
      UNIQUE KEY uq_rectification_finding (evaluationId, findingSeq),
      KEY ix_rectification_unit_status (unitId, status),
      KEY ix_rectification_deadline (currentDeadline),
      KEY ix_rectification_status (status, overdue, escalationLevel)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`CREATE TABLE rectification_event (
      id BIGINT NOT NULL AUTO_INCREMENT,
      rectificationId VARCHAR(120) NOT NULL,
      seq INT NOT NULL,
      action VARCHAR(40) NOT NULL,
      actorId INT NULL,
      actorName VARCHAR(100) NOT NULL,
      payload JSON NOT NULL,
      occurredAt DATETIME(3) NOT NULL,
      recordedAt DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      PRIMARY KEY (id),
      UNIQUE KEY uq_rectification_event_seq (rectificationId, seq),
      CONSTRAINT fk_rectification_event_rectification FOREIGN KEY (rectificationId) REFERENCES rectification (id)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE rectification_event');
    await q.query('DROP TABLE rectification');
  }
}
