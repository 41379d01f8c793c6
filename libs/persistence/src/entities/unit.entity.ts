import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { UnitKind } from '@rectiflow/auth';

/**
 * An organisation in the tree: the bureau, a department, or a project unit below a department. Every account
 * belongs to one; department leaders see their unit's whole subtree, which is why parentId matters.
 */
@Entity('unit')
export class UnitEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Index('uq_unit_code', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  code!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 20 })
  kind!: UnitKind;

  @Column({ type: 'int', nullable: true })
  parentId!: number | null;

  /** Where unit-level notices (reminders, 督办) go besides the unit head's own address. */
  @Column({ type: 'json' })
  contactEmails!: string[];

  @Column({ type: 'varchar', length: 500, nullable: true })
  webhookUrl!: string | null;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ type: 'datetime', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'datetime', precision: 3 })
  updatedAt!: Date;
}
