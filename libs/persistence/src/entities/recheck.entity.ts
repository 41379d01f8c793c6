import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { RecheckOutcome } from '@rectiflow/contracts';

/** 回头看 task of one closed item, written only by its recheck workflow's activities. */
@Entity('recheck')
@Index(['rectificationId'], { unique: true })
@Index(['unitId', 'status', 'dueAt'])
export class RecheckEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ type: 'varchar', length: 120 })
  rectificationId!: string;

  @Column({ type: 'char', length: 36 })
  evaluationId!: string;

  @Column({ type: 'int' })
  findingSeq!: number;

  @Column({ type: 'varchar', length: 500 })
  findingTitle!: string;

  @Column({ type: 'int' })
  unitId!: number;

  @Column({ type: 'datetime', precision: 3 })
  dueAt!: Date;

  @Column({ type: 'varchar', length: 10 })
  status!: 'due' | 'done';

  @Column({ type: 'varchar', length: 20, nullable: true })
  outcome!: RecheckOutcome | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'int', nullable: true })
  decidedById!: number | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  decidedByName!: string | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  decidedAt!: Date | null;

  @Column({ type: 'varchar', length: 120, nullable: true })
  reboundRectificationId!: string | null;

  @CreateDateColumn({ type: 'datetime', precision: 3 })
  createdAt!: Date;
}
