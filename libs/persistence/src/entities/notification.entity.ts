import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One in-app notification (站内消息) of one user. Written by the in-app delivery channel; `deliveryKey` is unique so
 * a delivery retried after a crash inserts the message once.
 */
@Entity('notification')
@Index('ix_notification_user_unread', ['userId', 'readAt', 'id'])
export class NotificationEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'int' })
  userId!: number;

  @Index('uq_notification_delivery', { unique: true })
  @Column({ type: 'varchar', length: 200 })
  deliveryKey!: string;

  @Column({ type: 'varchar', length: 40 })
  event!: string;

  @Column({ type: 'tinyint', nullable: true })
  level!: number | null;

  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  link!: string | null;

  @Column({ type: 'varchar', length: 120, nullable: true })
  rectificationId!: string | null;

  @Column({ type: 'char', length: 36, nullable: true })
  evaluationId!: string | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  readAt!: Date | null;

  @CreateDateColumn({ type: 'datetime', precision: 3 })
  createdAt!: Date;
}
