import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A unit's written reply (回复/说明) to one 督办文书; bytes in the FileStore, content-checked like evidence. */
@Entity('letter_reply')
@Index('ix_letter_reply_letter', ['letterId'])
export class LetterReplyEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ type: 'int' })
  letterId!: number;

  @Column({ type: 'char', length: 64, charset: 'ascii', collation: 'ascii_bin' })
  sha256!: string;

  @Column({ type: 'varchar', length: 200 })
  storageKey!: string;

  @Column({ type: 'varchar', length: 255 })
  originalName!: string;

  @Column({ type: 'varchar', length: 10 })
  detectedType!: string;

  @Column({ type: 'varchar', length: 100 })
  mimeType!: string;

  @Column({ type: 'int', unsigned: true })
  size!: number;

  @Column({ type: 'int', nullable: true })
  uploadedById!: number | null;

  @Column({ type: 'varchar', length: 100 })
  uploadedByName!: string;

  @Column({ type: 'datetime', precision: 3 })
  uploadedAt!: Date;
}
