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
import type { ItemConfidence } from './finding.entity';

/** One recommendation (建议) of an evaluation; findings point at it by `seq`. */
@Entity('recommendation')
@Index('uq_recommendation_evaluation_seq', ['evaluationId', 'seq'], { unique: true })
export class RecommendationEntity {
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

  /** UTF-16 offsets into the source document's extracted text; null when added by hand */
  @Column({ type: 'int', nullable: true })
  spanStart!: number | null;

  @Column({ type: 'int', nullable: true })
  spanEnd!: number | null;

  /** the importer's confidence in this item and why; null when added by hand */
  @Column({ type: 'json', nullable: true })
  confidence!: ItemConfidence | null;

  @CreateDateColumn({ type: 'datetime', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'datetime', precision: 3 })
  updatedAt!: Date;
}
