export type {
  Confidence,
  ConfidenceReason,
  DocumentKind,
  SourceSpan,
  Grade,
  ParsedEvaluation,
  ParsedFinding,
  ParsedPoint,
  ParsedRecommendation,
  ParseResult,
  ParseWarning,
} from './model/parse-result.types';
export { WARNING_CODES, type WarningCode } from './model/warning-codes.const';
export { ImportError, isImportError, type ImportErrorCode } from './model/import-error';
export { parseFeedbackForm } from './parser/parse-feedback-form';
export { hasRecognisableStructure } from './parser/recognisable-structure';
export { gradeForScore } from './parser/grade.util';
export {
  extractText,
  DEFAULT_MAX_BYTES,
  DEFAULT_OCR_OPTIONS,
  DEFAULT_PDF_LIMITS,
  DEFAULT_ZIP_BUDGET,
  type DocumentFormat,
  type ExtractedDocument,
  type ExtractOptions,
} from './format/extract-text';
export type { OcrOptions } from './format/ocr.runner';
export type { PdfLimits } from './format/pdf-text.reader';
export { cfbEntryNames, isCfb } from './format/cfb-directory';
export {
  checkZipBudget,
  isZip,
  zipEntryNames,
  type ZipBudget,
  type ZipBudgetVerdict,
} from './format/zip-directory';
export { htmlToText } from './format/html-to-text.converter';
export { importFeedbackDocument, type ImportedDocument } from './import-feedback-document';
