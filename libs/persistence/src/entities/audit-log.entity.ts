import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Who did what, when, from where. Append-only: the only writer is AuditService.record, which inserts; no code
 * path updates or deletes a row. actorId has no foreign key so the trail outlives any account.
 */
@Entity('audit_log')
export class AuditLogEntity {
  /** BIGINT: mysql2 hands it over as a string. */
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'int', nullable: true })
  actorId!: number | null;

  /** Username at the time (or 'system' / 'anonymous'), kept even if the account is renamed later. */
  @Column({ type: 'varchar', length: 100 })
  actorName!: string;

  @Column({ type: 'varchar', length: 64 })
  action!: string;

  @Column({ type: 'varchar', length: 64 })
  entityType!: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  entityId!: string | null;

  @Column({ type: 'varchar', length: 45, nullable: true })
  ip!: string | null;

  @Column({ type: 'json', nullable: true })
  payload!: Record<string, unknown> | null;

  @CreateDateColumn({ type: 'datetime', precision: 3 })
  createdAt!: Date;
}
