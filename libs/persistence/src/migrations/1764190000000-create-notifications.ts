import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * Notifications (issue 6): in-app messages, the delivery ledger, per-user channel preferences and per-unit webhook
 * settings. Needs `unit` and `app_user` (CreateAccounts1764150000000). Delivery rows keep no foreign keys: they
 * are an audit of what was sent and must outlive a deleted account.
 */
export class CreateNotifications1764190000000 implements MigrationInterface {
  name = 'CreateNotifications1764190000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE notification (
      id BIGINT NOT NULL AUTO_INCREMENT,
      userId INT NOT NULL,
      deliveryKey VARCHAR(200) NOT NULL,
      event VARCHAR(40) NOT NULL,
      level TINYINT NULL,
      title VARCHAR(300) NOT NULL,
      body TEXT NOT NULL,
      link VARCHAR(500) NULL,
      rectificationId VARCHAR(120) NULL,
      evaluationId CHAR(36) NULL,
      readAt DATETIME(3) NULL,
      createdAt DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      PRIMARY KEY (id),
      UNIQUE KEY uq_notification_delivery (deliveryKey),
      KEY ix_notification_user_unread (userId, readAt, id),
      CONSTRAINT fk_notification_user FOREIGN KEY (userId) REFERENCES app_user (id) ON DELETE CASCADE
    ) ${TABLE_OPTIONS}`);

    await q.query(`CREATE TABLE notification_delivery (
      id BIGINT NOT NULL AUTO_INCREMENT,
      deliveryKey VARCHAR(200) NOT NULL,
      notificationKey VARCHAR(160) NOT NULL,
      event VARCHAR(40) NOT NULL,
      level TINYINT NULL,
      channel VARCHAR(16) NOT NULL,
      recipientUserId INT NULL,
      recipientUnitId INT NULL,
      recipientLabel VARCHAR(200) NOT NULL,
      target VARCHAR(300) NOT NULL,
      rectificationId VARCHAR(120) NULL,
      status VARCHAR(16) NOT NULL,
      attempts INT NOT NULL DEFAULT 0,
      lastError VARCHAR(1000) NULL,
      job JSON NOT NULL,
      sentAt DATETIME(3) NULL,
      createdAt DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      updatedAt DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
      PRIMARY KEY (id),
      UNIQUE KEY uq_notification_delivery_key (deliveryKey),
      KEY ix_notification_delivery_notification (notificationKey),
      KEY ix_notification_delivery_status (status, updatedAt),
      CONSTRAINT ck_notification_delivery_status CHECK (status IN ('pending', 'retrying', 'sent', 'failed')),
      CONSTRAINT ck_notification_delivery_channel CHECK (channel IN ('in_app', 'email', 'webhook'))
    ) ${TABLE_OPTIONS}`);

    await q.query(`CREATE TABLE notification_preference (
      id INT NOT NULL AUTO_INCREMENT,
      userId INT NOT NULL,
      event VARCHAR(40) NOT NULL,
      channels JSON NOT NULL,
      updatedAt DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
      PRIMARY KEY (id),
      UNIQUE KEY uq_notification_preference (userId, event),
      CONSTRAINT fk_notification_preference_user FOREIGN KEY (userId) REFERENCES app_user (id) ON DELETE CASCADE
    ) ${TABLE_OPTIONS}`);

    await q.query(`CREATE TABLE unit_webhook_setting (
      unitId INT NOT NULL,
      format VARCHAR(16) NOT NULL,
      signSecret VARCHAR(200) NULL,
      updatedAt DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
      PRIMARY KEY (unitId),
      CONSTRAINT fk_unit_webhook_setting_unit FOREIGN KEY (unitId) REFERENCES unit (id) ON DELETE CASCADE,
      CONSTRAINT ck_unit_webhook_setting_format CHECK (format IN ('generic', 'dingtalk', 'wecom'))
    ) ${TABLE_OPTIONS}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE unit_webhook_setting');
    await q.query('DROP TABLE notification_preference');
    await q.query('DROP TABLE notification_delivery');
    await q.query('DROP TABLE notification');
  }
}
