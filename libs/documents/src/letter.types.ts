import type { Readable } from 'node:stream';

export interface LetterReplyView {
  id: number;
  fileName: string;
  sha256: string;
  uploadedAt: string;
  uploadedBy: string;
  downloadUrl: string;
}

/** One 督办文书 as GET /rectifications/:id/letters lists it (CONTRACTS.md, documents). */
export interface LetterView {
  id: number;
  level: number;
  label: string;
  docNumber: string;
  issuedAt: string;
  fileName: string;
  sha256: string;
  downloadUrl: string;
  replies: LetterReplyView[];
}

export interface FileDownload {
  stream: Readable;
  name: string;
  size: number;
  mimeType: string;
  sha256: string;
}

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
