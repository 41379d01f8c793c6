/** A unit's written reply to a 督办文书. */
export interface LetterReplyView {
  id: number;
  fileName: string;
  sha256: string;
  uploadedAt: string;
  uploadedBy: string;
  downloadUrl: string;
}

/** One 督办文书 as GET /rectifications/:id/letters lists it. */
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
