import type { Readable } from 'node:stream';

/** One file of an upload, as received (bytes in memory, within the configured limits). */
export interface IncomingEvidenceFile {
  originalName: string;
  content: Buffer;
}

/** 上传佐证材料: one or more files, what they show, and the date the evidence takes effect. */
export interface EvidenceUploadInput {
  files: IncomingEvidenceFile[];
  description: string;
  /** YYYY-MM-DD, distinct from the upload time */
  effectiveDate: string;
}

// The evidence list's rows are the web's type too: declared once in libs/contracts.
export type { EvidenceFileView } from '@rectiflow/contracts';

/** What the download route streams, after the access check. */
export interface EvidenceDownload {
  stream: Readable;
  name: string;
  size: number;
  mimeType: string;
  sha256: string;
}
