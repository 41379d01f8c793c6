import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One uploaded evidence file (佐证材料) of a rectification. The bytes live in the FileStore under `storageKey`
 * (content-addressed, so the same bytes uploaded twice are stored once but get two rows: each upload is its own
 * record of who submitted what, when). `evidenceId` is the workflow's evidence record the file belongs to; rows
 * are committed only together with a successful addEvidence step, so a committed row always has one.
 */
@Entity('evidence_file')
@Index('ix_evidence_file_rectification', ['rectificationId', 'evidenceId'])
export class EvidenceFileEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ type: 'varchar', length: 120 })
  rectificationId!: string;

  @Column({ type: 'int', nullable: true })
  evidenceId!: number | null;

  /** lowercase hex SHA-256 of the content: what a reviewer compares to prove what was submitted */
  @Index('ix_evidence_file_sha256')
  @Column({ type: 'char', length: 64, charset: 'ascii', collation: 'ascii_bin' })
  sha256!: string;

  @Column({ type: 'varchar', length: 200 })
  storageKey!: string;

  /** The uploader's file name (often Chinese), sanitised: no path, no controls, no `..`; display only. */
  @Column({ type: 'varchar', length: 255 })
  originalName!: string;

  /** pdf | ofd | docx | xlsx | doc | xls | jpg | png | zip — decided from the bytes, never from the name */
  @Column({ type: 'varchar', length: 10 })
  detectedType!: string;

  /** The MIME type of the detected type (what downloads are served as), not what the client claimed. */
  @Column({ type: 'varchar', length: 100 })
  mimeType!: string;

  @Column({ type: 'int', unsigned: true })
  size!: number;

  @Column({ type: 'int', nullable: true })
  uploadedById!: number | null;

  @Column({ type: 'datetime', precision: 3 })
  uploadedAt!: Date;
}
