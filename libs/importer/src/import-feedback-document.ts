import { extractText, type ExtractedDocument, type ExtractOptions } from './format/extract-text';
import { noStructure } from './format/import-error.messages';
import { markOcr } from './format/ocr-provenance';
import type { ParseResult } from './model/parse-result.types';
import { parseFeedbackForm } from './parser/parse-feedback-form';
import { hasRecognisableStructure } from './parser/recognisable-structure';

export interface ImportedDocument {
  document: ExtractedDocument;
  result: ParseResult;
}

/**
 * Bytes → parse result in one call, for the upload endpoint and the CLI. Throws ImportError,
 * including NO_STRUCTURE when the text does not look like a feedback form at all. Text read by OCR carries
 * a warning and lowered confidences (`markOcr`).
 */
export async function importFeedbackDocument(
  content: Buffer,
  opts: ExtractOptions = {},
): Promise<ImportedDocument> {
  const document = await extractText(content, opts);
  const parsed = parseFeedbackForm(document.text);
  if (!hasRecognisableStructure(parsed)) throw noStructure();
  return { document, result: document.ocr ? markOcr(parsed) : parsed };
}
