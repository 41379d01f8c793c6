import { MigrationInterface, QueryRunner } from 'typeorm';

/** Units (as a tree), accounts, refresh tokens and the append-only audit log (issue 5, items 1 and 5). */
export class CreateAccounts1764150000000 implements MigrationInterface {
  name = 'CreateAccounts1764150000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE unit (
      id INT NOT NULL AUTO_INCREMENT,
      code VARCHAR(64) NOT NULL,
      name VARCHAR(200) NOT NULL,
      kind VARCHAR(20) NOT NULL,
      parentId INT NULL,
      contactEmails JSON NOT NULL,
      webhookUrl VARCHAR(500) NULL,
      active TINYINT(1) NOT NULL DEFAULT 1,
      createdAt DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      updatedAt DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
      PRIMARY KEY (id),
      UNIQUE KEY uq_unit_code (code),
      KEY ix_unit_parent (parentId),
      CONSTRAINT fk_unit_parent FOREIGN KEY (parentId) REFERENCES unit (id) ON DELETE RESTRICT,
      CONSTRAINT ck_unit_kind CHECK (kind IN ('bureau', 'department', 'project_unit'))
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);

    await q.query(`CREATE TABLE app_user (
      id INT NOT NULL AUTO_INCREMENT,
      username VARCHAR(64) NOT NULL,
      passwordHash VARCHAR(255) NOT NULL,
      displayName VARCHAR(100) NOT NULL,
      role VARCHAR(32) NOT NULL,
      unitId INT NOT NULL,
      email VARCHAR(254) NULL,
      phone VARCHAR(32) NULL,
      active TINYINT(1) NOT NULL DEFAULT 1,
      isUnitHead TINYINT(1) NOT NULL DEFAULT 0,
      failedLogins INT NOT NULL DEFAULT 0,
      lockedUntil DATETIME(3) NULL,
      lastLoginAt DATETIME(3) NULL,
      createdAt DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      updatedAt DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
      PRIMARY KEY (id),
      UNIQUE KEY uq_app_user_username (username),
      KEY ix_app_user_unit (unitId),
      CONSTRAINT fk_app_user_unit FOREIGN KEY (unitId) REFERENCES unit (id) ON DELETE RESTRICT,
      CONSTRAINT ck_app_user_role CHECK (role IN
        ('bureau_admin', 'bureau_reviewer', 'bureau_leader', 'dept_user', 'dept_leader', 'auditor'))
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);

    await q.query(`CREATE TABLE refresh_token (
      id BIGINT NOT NULL AUTO_INCREMENT,
      userId INT NOT NULL,
      familyId CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
      tokenHash CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
      expiresAt DATETIME(3) NOT NULL,
      revokedAt DATETIME(3) NULL,
      replacedById BIGINT NULL,
      createdAt DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      userAgent VARCHAR(255) NULL,
      ip VARCHAR(45) NULL,
      PRIMARY KEY (id),
      UNIQUE KEY uq_refresh_token_hash (tokenHash),
      KEY ix_refresh_token_user (userId),
      KEY ix_refresh_token_family (familyId),
      CONSTRAINT fk_refresh_token_user FOREIGN KEY (userId) REFERENCES app_user (id) ON DELETE CASCADE
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);

    // No foreign key on actorId: the trail must outlive any account, and inserts must never fail on it.
    await q.query(`CREATE TABLE audit_log (
      id BIGINT NOT NULL AUTO_INCREMENT,
      actorId INT NULL,
      actorName VARCHAR(100) NOT NULL,
      action VARCHAR(64) NOT NULL,
      entityType VARCHAR(64) NOT NULL,
      entityId VARCHAR(64) NULL,
      ip VARCHAR(45) NULL,
      payload JSON NULL,
      createdAt DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      PRIMARY KEY (id),
      KEY ix_audit_log_created (createdAt),
      KEY ix_audit_log_actor (actorId, createdAt),
      KEY ix_audit_log_action (action, createdAt),
      KEY ix_audit_log_entity (entityType, entityId, createdAt)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE audit_log');
    await q.query('DROP TABLE refresh_token');
    await q.query('DROP TABLE app_user');
    await q.query('DROP TABLE unit');
  }
}
