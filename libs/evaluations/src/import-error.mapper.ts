import { AppError, type ErrorCode } from '@rectiflow/common';
import type { ImportError, ImportErrorCode } from '@rectiflow/importer';

/**
 * HTTP meaning of each importer failure. The file's kind (binary, PDF, .doc) is a media-type problem: 415.
 * Unreadable content of an acceptable kind (empty, undecodable, corrupt .docx) is a bad request: 400.
 * Readable text that is not a feedback form, or a scan without a text layer while OCR is unavailable, is
 * well-formed but unprocessable: 422. An archive that inflates past its cap (a "zip bomb") is too large: 413.
 */
const STATUS_CODE: Record<ImportErrorCode, ErrorCode> = {
  EMPTY_FILE: 'BAD_REQUEST',
  UNKNOWN_ENCODING: 'BAD_REQUEST',
  READ_FAILED: 'BAD_REQUEST',
  BINARY_FILE: 'UNSUPPORTED_MEDIA_TYPE',
  UNSUPPORTED_FORMAT: 'UNSUPPORTED_MEDIA_TYPE',
  TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  NO_STRUCTURE: 'UNPROCESSABLE',
  RESULTS_TABLE: 'UNPROCESSABLE',
  NO_TEXT_LAYER: 'UNPROCESSABLE',
  DECOMPRESSED_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
};

/** The importer's message is already written for bureau staff; `details.reason` keeps its code. */
export function importErrorToAppError(err: ImportError, maxBytes: number): AppError {
  const details: Record<string, unknown> = { reason: err.code };
  if (err.code === 'TOO_LARGE') details.maxBytes = maxBytes;
  return new AppError(STATUS_CODE[err.code] ?? 'BAD_REQUEST', err.message, details);
}

/** For limits enforced before the importer sees the bytes (the multipart parser). */
export function tooLargeError(maxBytes: number): AppError {
  return new AppError(
    'PAYLOAD_TOO_LARGE',
    `文件超过导入大小上限 ${formatBytes(maxBytes)}，请压缩图片或删除附件后再导入 (file too large)`,
    { reason: 'TOO_LARGE', maxBytes },
  );
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024
    ? `${(n / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`
    : `${Math.ceil(n / 1024)} KB`;
}
