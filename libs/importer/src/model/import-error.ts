export type ImportErrorCode =
  | 'EMPTY_FILE'
  | 'BINARY_FILE'
  | 'UNKNOWN_ENCODING'
  | 'UNSUPPORTED_FORMAT'
  | 'NO_STRUCTURE'
  | 'TOO_LARGE'
  | 'READ_FAILED'
  | 'RESULTS_TABLE'
  | 'NO_TEXT_LAYER'
  | 'DECOMPRESSED_TOO_LARGE';

/**
 * The only error the importer throws on purpose. `code` is what callers branch on
 * (HTTP 422 vs 413, CLI exit 2); `message` is shown to bureau staff, so it is Chinese
 * first with an English hint.
 */
export class ImportError extends Error {
  readonly code: ImportErrorCode;

  constructor(code: ImportErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ImportError';
    this.code = code;
    // Keeps `instanceof` reliable when the class is transpiled to ES5-style prototypes.
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

export function isImportError(value: unknown): value is ImportError {
  return value instanceof ImportError;
}
