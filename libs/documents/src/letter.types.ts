import type { Readable } from 'node:stream';

// The letters and replies the web reads: declared once in libs/contracts.
export type { LetterReplyView, LetterView } from '@rectiflow/contracts';

export interface FileDownload {
  stream: Readable;
  name: string;
  size: number;
  mimeType: string;
  sha256: string;
}

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
