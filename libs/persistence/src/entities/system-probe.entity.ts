import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * A diagnostic round trip through every moving part (API → Temporal → activity → MySQL → BullMQ →
 * processor → MySQL). Operators use it to prove a deployment end to end; tests use it too.
 */
@Entity('system_probe')
export class SystemProbeEntity {
  @PrimaryColumn({ type: 'char', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  workflowId!: string;

  @Column({ type: 'varchar', length: 500, default: '' })
  message!: string;

  @Column({ type: 'varchar', length: 20 })
  status!: 'recorded' | 'consumed';

  @Column({ type: 'datetime', precision: 3, nullable: true })
  consumedAt!: Date | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  consumedBy!: string | null;

  @CreateDateColumn({ type: 'datetime', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'datetime', precision: 3 })
  updatedAt!: Date;
}
