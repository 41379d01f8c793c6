import { Column, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** The channels one user wants for one event type. No row = the default (every personal channel). */
@Entity('notification_preference')
@Index('uq_notification_preference', ['userId', 'event'], { unique: true })
export class NotificationPreferenceEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ type: 'int' })
  userId!: number;

  @Column({ type: 'varchar', length: 40 })
  event!: string;

  /** Subset of ['in_app', 'email']; empty = switched off. */
  @Column({ type: 'json' })
  channels!: string[];

  @UpdateDateColumn({ type: 'datetime', precision: 3 })
  updatedAt!: Date;
}
