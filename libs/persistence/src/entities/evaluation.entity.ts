import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  OneToOne,
  PrimaryColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { decimalTransformer } from './decimal.transformer';
import { SourceDocumentEntity } from './source-document.entity';
import type { EvaluationStatus, EvaluationWarning } from '@rectiflow/contracts';

// The status and the warning shape are part of the API's contract (the web reads them): declared there.
export type { EvaluationStatus, EvaluationWarning } from '@rectiflow/contracts';

/**
 * One performance evaluation (绩效评价) and its header facts. Created as a 'draft' by the importer; the
 * bureau corrects it, then the workflow issues it. `id` is a UUID made by the application because
 * Temporal workflow ids are derived from it before anything is written.
 * `version` is bumped by every write (TypeORM does it for save()/update()), for optimistic locking.
 */
@Entity('evaluation')
export class EvaluationEntity {
  @PrimaryColumn({ type: 'char', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 20, default: 'draft' })
  status!: EvaluationStatus;

  @Column({ type: 'int', nullable: true, unique: true })
  sourceDocumentId!: number | null;

  @OneToOne(() => SourceDocumentEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'sourceDocumentId' })
  sourceDocument?: SourceDocumentEntity | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  title!: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  projectName!: string | null;

  /** 评价组织机构 */
  @Column({ type: 'varchar', length: 255, nullable: true })
  organizer!: string | null;

  /** 项目主管部门 */
  @Column({ type: 'varchar', length: 255, nullable: true })
  supervisingDepartment!: string | null;

  /** 项目单位名称 */
  @Column({ type: 'varchar', length: 255, nullable: true })
  projectUnit!: string | null;

  /** 项目起止时间, as written */
  @Column({ type: 'varchar', length: 100, nullable: true })
  projectPeriod!: string | null;

  /** 评价机构 */
  @Column({ type: 'varchar', length: 255, nullable: true })
  evaluator!: string | null;

  /** 评价时间, as written */
  @Column({ type: 'varchar', length: 100, nullable: true })
  evaluationPeriod!: string | null;

  @Column({ type: 'decimal', precision: 5, scale: 2, nullable: true, transformer: decimalTransformer })
  score!: number | null;

  /** 优 | 良 | 中 | 差 */
  @Column({ type: 'varchar', length: 4, nullable: true })
  grade!: string | null;

  /** 基本情况 */
  @Column({ type: 'mediumtext', nullable: true })
  basicInfo!: string | null;

  /** 主要绩效情况 */
  @Column({ type: 'mediumtext', nullable: true })
  performanceSummary!: string | null;

  /** 万元 */
  @Column({ type: 'decimal', precision: 14, scale: 2, nullable: true, transformer: decimalTransformer })
  budget!: number | null;

  /** 万元 */
  @Column({ type: 'decimal', precision: 14, scale: 2, nullable: true, transformer: decimalTransformer })
  allocated!: number | null;

  /** 万元 */
  @Column({ type: 'decimal', precision: 14, scale: 2, nullable: true, transformer: decimalTransformer })
  spent!: number | null;

  /** percent, e.g. 96.62 */
  @Column({ type: 'decimal', precision: 6, scale: 2, nullable: true, transformer: decimalTransformer })
  executionRate!: number | null;

  @Column({ type: 'json' })
  warnings!: EvaluationWarning[];

  /** The responsible department's unit; set when the evaluation is issued. */
  @Column({ type: 'int', nullable: true })
  departmentUnitId!: number | null;

  /** 送达日, set when issued */
  @Column({ type: 'date', nullable: true })
  deliveryDate!: string | null;

  /** The follow-up workflow's input as issued; lets a failed workflow start be resumed with the same input. */
  @Column({ type: 'json', nullable: true, select: false })
  issuePlan!: object | null;

  /** null for documents loaded by scripts (seed), not by a user */
  @Column({ type: 'int', nullable: true })
  createdById!: number | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  issuedAt!: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  finishedAt!: Date | null;

  /** Filled by the workflow when the evaluation finishes (对账销号 summary). */
  @Column({ type: 'json', nullable: true })
  outcome!: Record<string, unknown> | null;

  @VersionColumn({ type: 'int', default: 1 })
  version!: number;

  @CreateDateColumn({ type: 'datetime', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'datetime', precision: 3 })
  updatedAt!: Date;
}
