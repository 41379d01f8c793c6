import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const DELIVERY_STATUSES = ['pending', 'retrying', 'sent', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * The ledger of one delivery: one notification to one recipient on one channel. `deliveryKey` (also the BullMQ
 * job id) is unique, so a job re-added after it completed finds the row 'sent' and sends nothing; failures stay
 * here, with the job data, for admins to see and retry.
 */
@Entity('notification_delivery')
@Index('ix_notification_delivery_status', ['status', 'updatedAt'])
export class NotificationDeliveryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Index('uq_notification_delivery_key', { unique: true })
  @Column({ type: 'varchar', length: 200 })
  deliveryKey!: string;

  @Index('ix_notification_delivery_notification')
  @Column({ type: 'varchar', length: 160 })
  notificationKey!: string;

  @Column({ type: 'varchar', length: 40 })
  event!: string;

  @Column({ type: 'tinyint', nullable: true })
  level!: number | null;

  /** in_app | email | webhook */
  @Column({ type: 'varchar', length: 16 })
  channel!: string;

  @Column({ type: 'int', nullable: true })
  recipientUserId!: number | null;

  @Column({ type: 'int', nullable: true })
  recipientUnitId!: number | null;

  /** Who, for people: a user's or unit's name. */
  @Column({ type: 'varchar', length: 200 })
  recipientLabel!: string;

  /** Where: an email address, a webhook host and path (never its query: it may hold a token), or the user id. */
  @Column({ type: 'varchar', length: 300 })
  target!: string;

  @Column({ type: 'varchar', length: 120, nullable: true })
  rectificationId!: string | null;

  @Column({ type: 'varchar', length: 16 })
  status!: DeliveryStatus;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  lastError!: string | null;

  /** The delivery job's data, so an admin retry works even after BullMQ trimmed the job. */
  @Column({ type: 'json' })
  job!: object;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  sentAt!: Date | null;

  @CreateDateColumn({ type: 'datetime', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'datetime', precision: 3 })
  updatedAt!: Date;
}
