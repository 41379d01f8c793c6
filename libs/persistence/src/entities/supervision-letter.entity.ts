import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One 督办文书 (提醒函 / 督办通知书 / 约谈通知书 / 通报) issued when a rung of the ladder was reached. The row and
 * its 文号 are written in the projection's transaction; the .docx is rendered after the commit, so `sha256`,
 * `storageKey` and `size` stay NULL until it is stored (a download renders it then).
 */
@Entity('supervision_letter')
@Index('ux_letter_rung', ['rectificationId', 'eventSeq', 'level'], { unique: true })
@Index('ux_letter_number', ['prefix', 'year', 'seq'], { unique: true })
export class SupervisionLetterEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ type: 'varchar', length: 120 })
  rectificationId!: string;

  /** The timeline event (action `escalation`) that reached this rung. */
  @Column({ type: 'int' })
  eventSeq!: number;

  @Column({ type: 'tinyint', unsigned: true })
  level!: number;

  /** The addressee unit when the letter was issued. */
  @Column({ type: 'int' })
  unitId!: number;

  @Column({ type: 'varchar', length: 40 })
  prefix!: string;

  @Column({ type: 'smallint', unsigned: true })
  year!: number;

  @Column({ type: 'int', unsigned: true })
  seq!: number;

  /** e.g. 景财绩督〔2026〕12号 */
  @Column({ type: 'varchar', length: 80 })
  docNumber!: string;

  @Column({ type: 'datetime', precision: 3 })
  issuedAt!: Date;

  @Column({ type: 'varchar', length: 255 })
  fileName!: string;

  @Column({ type: 'char', length: 64, charset: 'ascii', collation: 'ascii_bin', nullable: true })
  sha256!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  storageKey!: string | null;

  @Column({ type: 'int', unsigned: true, nullable: true })
  size!: number | null;

  @Column({ type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt!: Date;
}
