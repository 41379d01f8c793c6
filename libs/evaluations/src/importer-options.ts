import type { AppConfig } from '@rectiflow/config';
import { DEFAULT_ZIP_BUDGET, type ExtractOptions } from '@rectiflow/importer';

/** The importer's format limits and OCR settings, from configuration (IMPORT_* variables). */
export function importerOptions(config: AppConfig): Omit<ExtractOptions, 'filename' | 'maxBytes'> {
  return {
    zipBudget: {
      maxTotalBytes: config.limits.importMaxDecompressedBytes,
      maxEntries: DEFAULT_ZIP_BUDGET.maxEntries,
    },
    pdf: { maxPages: config.limits.importPdfMaxPages },
    ocr: {
      enabled: config.ocr.enabled,
      command: config.ocr.command,
      pdftoppmCommand: config.ocr.pdftoppmCommand,
      languages: config.ocr.languages,
      maxPages: config.ocr.maxPages,
    },
  };
}
