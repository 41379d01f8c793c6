import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only timeline of a rectification; (rectificationId, seq) is the idempotency key of the projection. */
@Entity('rectification_event')
@Index(['rectificationId', 'seq'], { unique: true })
export class RectificationEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'varchar', length: 120 })
  rectificationId!: string;

  @Column({ type: 'int' })
  seq!: number;

  @Column({ type: 'varchar', length: 40 })
  action!: string;

  @Column({ type: 'int', nullable: true })
  actorId!: number | null;

  @Column({ type: 'varchar', length: 100 })
  actorName!: string;

  @Column({ type: 'json' })
  payload!: Record<string, unknown>;

  @Column({ type: 'datetime', precision: 3 })
  occurredAt!: Date;

  @Column({ type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  recordedAt!: Date;
}
