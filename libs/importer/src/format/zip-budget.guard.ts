import { decompressedTooLarge, readFailed } from './import-error.messages';
import { checkZipBudget, type ZipBudget } from './zip-directory';

/**
 * For an imported .docx: its whole text is read into memory, and a real report's parts (document.xml, styles,
 * images) stay far below this, while a crafted 120 MB document.xml in a 120 KB file does not.
 */
export const DEFAULT_ZIP_BUDGET: ZipBudget = { maxTotalBytes: 64 * 1024 * 1024, maxEntries: 2000 };

/**
 * Throws DECOMPRESSED_TOO_LARGE unless the archive is within the budget (see `checkZipBudget`); an archive
 * whose directory cannot be read is a damaged file (READ_FAILED), as the reader would find too.
 */
export function assertZipWithinBudget(content: Buffer, what: string, budget: ZipBudget): void {
  const verdict = checkZipBudget(content, budget);
  if (verdict.ok) return;
  if (verdict.reason === 'UNREADABLE') throw readFailed(what, new Error(verdict.detail));
  throw decompressedTooLarge(what, verdict.detail);
}
