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

/** One file in the evidence list, with the record (upload) it belongs to. */
export interface EvidenceFileView {
  id: number;
  name: string;
  size: number;
  sha256: string;
  mimeType: string;
  /** the type decided from the content; null for a file the database does not hold (see `downloadable`) */
  detectedType: string | null;
  uploadedAt: string;
  downloadable: boolean;
  evidence: {
    id: number;
    description: string;
    effectiveDate: string;
    addedAt: string;
    addedBy: { userId: number; name: string };
  };
  links: { download: string };
}

/** What the download route streams, after the access check. */
export interface EvidenceDownload {
  stream: Readable;
  name: string;
  size: number;
  mimeType: string;
  sha256: string;
}
