import { Column, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type {
  EvidenceRecord,
  Plan,
  ProgressReport,
  RectificationState,
  RectificationStatus,
  RectificationType,
  Review,
  Submission,
} from '@rectiflow/contracts';

/**
 * Read model of one rectification, written only by the workflow's projection activity. The columns serve the
 * ledger's filters and sorting; `state` holds the full snapshot for detail views. Temporal stays the source of
 * truth for the process.
 */
@Entity('rectification')
@Index(['evaluationId', 'findingSeq', 'round'], { unique: true })
@Index(['unitId', 'status'])
@Index(['currentDeadline'])
@Index('IDX_rectification_status_deadline', ['status', 'currentDeadline'])
@Index('IDX_rectification_closed_at', ['closedAt'])
@Index('IDX_rectification_escalation_status', ['escalationLevel', 'status'])
export class RectificationEntity {
  /** The workflow id: rectification-<evaluationId>-<seq>. */
  @PrimaryColumn({ type: 'varchar', length: 120 })
  id!: string;

  @Column({ type: 'char', length: 36 })
  evaluationId!: string;

  @Column({ type: 'int' })
  findingSeq!: number;

  @Column({ type: 'varchar', length: 500 })
  findingTitle!: string;

  /** 0 for the item issued with the evaluation; N for its N-th reopening after a 回头看 found 反弹. */
  @Column({ type: 'int', default: 0 })
  round!: number;

  /** The item this one reopens (回头看 反弹), else null. */
  @Column({ type: 'varchar', length: 120, nullable: true })
  reboundOf!: string | null;

  @Column({ type: 'varchar', length: 20 })
  status!: RectificationStatus;

  @Column({ type: 'varchar', length: 20 })
  type!: RectificationType;

  @Column({ type: 'int' })
  unitId!: number;

  @Column({ type: 'date' })
  originalDeadline!: string;

  @Column({ type: 'date' })
  currentDeadline!: string;

  @Column({ type: 'datetime', precision: 3 })
  currentDeadlineAt!: Date;

  /** The current deadline counts weekends only in a year whose 放假/调休 arrangement is not loaded yet. */
  @Column({ type: 'boolean', default: false })
  deadlineProvisional!: boolean;

  @Column({ type: 'int', default: 0 })
  extensionCount!: number;

  @Column({ type: 'tinyint', default: 0 })
  escalationLevel!: number;

  /** The highest rung ever reached, across extensions (escalationLevel restarts at 0 with a new deadline). */
  @Column({ type: 'tinyint', default: 0 })
  maxEscalationLevel!: number;

  @Column({ type: 'boolean', default: false })
  overdue!: boolean;

  @Column({ type: 'varchar', length: 100, nullable: true })
  responsiblePerson!: string | null;

  @Column({ type: 'int', default: 0 })
  evidenceCount!: number;

  @Column({ type: 'varchar', length: 20, nullable: true })
  lastReviewResult!: string | null;

  @Column({ type: 'datetime', precision: 3 })
  issuedAt!: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  closedAt!: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  cancelledAt!: Date | null;

  @Column({ type: 'json' })
  state!: RectificationState;

  @Column({ type: 'int' })
  lastEventSeq!: number;

  // What the printed ledger shows from `state`, copied by the projection (a `[last]` JSON path is unreliable
  // on MariaDB, see migration 1765500000001).
  @Column({ type: 'json', nullable: true })
  ledgerPlan!: Plan | null;

  @Column({ type: 'json', nullable: true })
  ledgerEvidence!: EvidenceRecord[] | null;

  @Column({ type: 'json', nullable: true })
  ledgerReview!: Review | null;

  @Column({ type: 'json', nullable: true })
  ledgerProgress!: ProgressReport | null;

  @Column({ type: 'json', nullable: true })
  ledgerSubmission!: Submission | null;

  /** The status's place in the lifecycle (1 = issued …), so the ledger's status sort can use an index. */
  @Column({ type: 'tinyint', default: 0 })
  statusRank!: number;

  /** Character bigrams of title, unit and project for the FULLTEXT keyword search (see search-bigrams.ts). */
  @Column({ type: 'text', charset: 'ascii', collation: 'ascii_bin', select: false })
  searchText!: string;

  @UpdateDateColumn({ type: 'datetime', precision: 3 })
  updatedAt!: Date;
}
