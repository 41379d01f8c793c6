import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSystemProbe1764140000000 implements MigrationInterface {
  name = 'CreateSystemProbe1764140000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE system_probe (
      id CHAR(36) NOT NULL,
      workflowId VARCHAR(200) NOT NULL,
      message VARCHAR(500) NOT NULL DEFAULT '',
      status VARCHAR(20) NOT NULL,
      consumedAt DATETIME(3) NULL,
      consumedBy VARCHAR(100) NULL,
      createdAt DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      updatedAt DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
      PRIMARY KEY (id)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE system_probe');
  }
}
