import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { EvaluationEntity } from './evaluation.entity';
import type { FindingPoint, RepeatOf } from '@rectiflow/contracts';

/** The importer's confidence in an item it read: 0..1 and the reasons (Chinese messages). */
export interface ItemConfidence {
  score: number;
  reasons: { code: string; message: string }[];
}

// A finding's points and its 屡查屡犯 link are part of the API's contract (the web reads them).
export type { FindingPoint, RepeatOf } from '@rectiflow/contracts';

/**
 * One problem (问题) of an evaluation. `seq` is its 1-based position, dense and unique per evaluation
 * (renumbered by draft edits); `recommendationSeq` is the seq of the recommendation that answers it.
 */
@Entity('finding')
@Index('uq_finding_evaluation_seq', ['evaluationId', 'seq'], { unique: true })
export class FindingEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ type: 'char', length: 36 })
  evaluationId!: string;

  @ManyToOne(() => EvaluationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'evaluationId' })
  evaluation?: EvaluationEntity;

  @Column({ type: 'int' })
  seq!: number;

  @Column({ type: 'varchar', length: 500 })
  title!: string;

  @Column({ type: 'mediumtext' })
  text!: string;

  @Column({ type: 'json' })
  points!: FindingPoint[];

  @Column({ type: 'int', nullable: true })
  recommendationSeq!: number | null;

  /** UTF-16 offsets into the source document's extracted text; null when added by hand */
  @Column({ type: 'int', nullable: true })
  spanStart!: number | null;

  @Column({ type: 'int', nullable: true })
  spanEnd!: number | null;

  /** the importer's confidence in this item and why; null when added by hand */
  @Column({ type: 'json', nullable: true })
  confidence!: ItemConfidence | null;

  /** 屡查屡犯 flag, set when the finding's unit is known (issuing); null when no earlier finding is similar */
  @Column({ type: 'json', nullable: true })
  repeatOf!: RepeatOf | null;

  @CreateDateColumn({ type: 'datetime', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'datetime', precision: 3 })
  updatedAt!: Date;
}
