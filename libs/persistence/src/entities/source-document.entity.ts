import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An imported original (绩效评价结果反馈表) as uploaded, kept for audit and download. The bytes live in
 * the FileStore under `storageKey`; `sha256` is unique, which is how a second import of the same document
 * is recognised as a duplicate (also when two imports race).
 */
@Entity('source_document')
export class SourceDocumentEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ type: 'char', length: 64, charset: 'ascii', collation: 'ascii_bin', unique: true })
  sha256!: string;

  /** The uploader's file name (often Chinese), without any path, NFC-normalised; display only. */
  @Column({ type: 'varchar', length: 255 })
  originalName!: string;

  /** 'txt' | 'html' | 'docx' as detected from the content by the importer */
  @Column({ type: 'varchar', length: 10 })
  format!: string;

  /** e.g. 'utf-8', 'gb18030'; null for .docx */
  @Column({ type: 'varchar', length: 40, nullable: true })
  encoding!: string | null;

  @Column({ type: 'int' })
  size!: number;

  @Column({ type: 'varchar', length: 200 })
  storageKey!: string;

  @Column({ type: 'int', nullable: true })
  uploadedById!: number | null;

  @CreateDateColumn({ type: 'datetime', precision: 3 })
  createdAt!: Date;
}
