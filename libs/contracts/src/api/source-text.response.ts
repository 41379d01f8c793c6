/** Where one finding or recommendation was read in the extracted text (character offsets). */
export interface SourceSpan {
  seq: number;
  start: number;
  end: number;
}

/** GET /evaluations/:id/source-text: the extracted text and where each item came from in it. */
export interface SourceText {
  text: string;
  format: string;
  ocr: boolean;
  pages: number | null;
  findings: SourceSpan[];
  recommendations: SourceSpan[];
}
