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

  /** 'txt' | 'html' | 'docx' | 'doc' | 'pdf' | 'png' | 'jpg' as detected from the content by the importer;
   * 'unknown' for a file attached to a hand-made draft that could not be read */
  @Column({ type: 'varchar', length: 10 })
  format!: string;

  /** e.g. 'utf-8', 'gb18030'; null for containers (.docx, .doc, PDF, images) */
  @Column({ type: 'varchar', length: 40, nullable: true })
  encoding!: string | null;

  @Column({ type: 'int' })
  size!: number;

  @Column({ type: 'varchar', length: 200 })
  storageKey!: string;

  @Column({ type: 'int', nullable: true })
  uploadedById!: number | null;

  /**
   * The text the importer read (the string finding/recommendation spans point into); null when it could not
   * be read. Not loaded unless asked for (GET /evaluations/:id/source-text), as it may be megabytes.
   */
  @Column({ type: 'mediumtext', nullable: true, select: false })
  extractedText?: string | null;

  /** the text came from OCR of a scan or image */
  @Column({ type: 'boolean', default: false })
  ocr!: boolean;

  /** pages of a PDF (1 for an image), null otherwise */
  @Column({ type: 'int', nullable: true })
  pages!: number | null;

  @CreateDateColumn({ type: 'datetime', precision: 3 })
  createdAt!: Date;
}
