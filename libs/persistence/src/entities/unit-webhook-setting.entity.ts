import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export const WEBHOOK_FORMATS = ['generic', 'dingtalk', 'wecom'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

/**
 * How a unit's webhook (unit.webhookUrl) is spoken to. Without a row the format is guessed from the URL's host
 * (oapi.dingtalk.com → dingtalk, qyapi.weixin.qq.com → wecom, anything else → generic).
 */
@Entity('unit_webhook_setting')
export class UnitWebhookSettingEntity {
  @PrimaryColumn({ type: 'int' })
  unitId!: number;

  @Column({ type: 'varchar', length: 16 })
  format!: WebhookFormat;

  /** DingTalk robot 加签 secret (SEC…): adds DingTalk's timestamp and sign query parameters. */
  @Column({ type: 'varchar', length: 200, nullable: true, select: false })
  signSecret!: string | null;

  @UpdateDateColumn({ type: 'datetime', precision: 3 })
  updatedAt!: Date;
}
