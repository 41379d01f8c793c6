import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** The bureau's 结果应用 rule (one row, id 1); its shape and validation live in libs/documents. */
@Entity('results_application_rule')
export class ResultsApplicationRuleEntity {
  @PrimaryColumn({ type: 'tinyint', unsigned: true })
  id!: number;

  @Column({ type: 'json' })
  rule!: object;

  @Column({ type: 'int', nullable: true })
  updatedById!: number | null;

  @UpdateDateColumn({ type: 'datetime', precision: 3 })
  updatedAt!: Date;
}
