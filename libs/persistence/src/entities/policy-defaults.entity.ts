import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * The bureau's default rectification policy (one row, id 1). Absent = the environment's defaults; its rules live
 * in libs/rectification (the same ones issuing applies to a per-evaluation policy).
 */
@Entity('policy_defaults')
export class PolicyDefaultsEntity {
  @PrimaryColumn({ type: 'tinyint', unsigned: true })
  id!: number;

  @Column({ type: 'boolean' })
  requirePlanApproval!: boolean;

  @Column({ type: 'json' })
  reminderOffsetsDays!: number[];

  @Column({ type: 'json' })
  escalationOffsetsDays!: number[];

  @Column({ type: 'smallint', unsigned: true })
  maxExtensions!: number;

  @Column({ type: 'smallint', unsigned: true, nullable: true })
  progressReportIntervalDays!: number | null;

  @Column({ type: 'int', nullable: true })
  updatedById!: number | null;

  @UpdateDateColumn({ type: 'datetime', precision: 3 })
  updatedAt!: Date;
}
