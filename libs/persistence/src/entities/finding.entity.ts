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

/** 一是/二是 sub-point of a finding with its ①②③ details (importer's ParsedPoint). */
export interface FindingPoint {
  label: string;
  text: string;
  details: string[];
}

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

  @CreateDateColumn({ type: 'datetime', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'datetime', precision: 3 })
  updatedAt!: Date;
}
