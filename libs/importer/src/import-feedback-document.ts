import { extractText, type ExtractedDocument, type ExtractOptions } from './format/extract-text';
import { noStructure } from './format/import-error.messages';
import { markOcr } from './format/ocr-provenance';
import { ImportError } from './model/import-error';
import type { ParseResult } from './model/parse-result.types';
import { parseFeedbackForm } from './parser/parse-feedback-form';
import { hasRecognisableStructure } from './parser/recognisable-structure';

export interface ImportedDocument {
  document: ExtractedDocument;
  result: ParseResult;
}

/**
 * Bytes → parse result in one call, for the upload endpoint and the CLI. Throws ImportError:
 * NO_STRUCTURE when the text does not look like an evaluation document at all, RESULTS_TABLE when
 * it is a results publication table (one row per project, no problems to rectify). Text read by OCR
 * carries a warning and lowered confidences (`markOcr`).
 */
export async function importFeedbackDocument(
  content: Buffer,
  opts: ExtractOptions = {},
): Promise<ImportedDocument> {
  const document = await extractText(content, opts);
  const parsed = parseFeedbackForm(document.text);
  if (parsed.kind === 'results_table') throw resultsTable(parsed.resultsTableRows ?? 0);
  if (!hasRecognisableStructure(parsed)) throw noStructure();
  return { document, result: document.ocr ? markOcr(parsed) : parsed };
}

function resultsTable(rows: number): ImportError {
  return new ImportError(
    'RESULTS_TABLE',
    `这是绩效评价结果公示表（共 ${rows} 行，每行一个项目），不是某一项目的评价报告或反馈表，其中没有需要整改的问题；请导入各项目的评价报告/反馈表，或手工新建评价 (results publication table with ${rows} rows)`,
  );
}
