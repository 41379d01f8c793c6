import type { DocumentKind } from '../../model/parse-result.types';
import { isAuditReport } from './audit-report.detector';
import { isEvaluationReport, isFeedbackForm } from './evaluation-report.detector';
import { kindInput } from './kind-input';
import { countResultsTableRows } from './results-table.detector';
import { isReviewLetter } from './review-letter.detector';
import { isSelfEvaluation } from './self-evaluation.detector';

export interface KindDetection {
  kind: DocumentKind;
  resultsTableRows: number | null;
}

/**
 * Which kind of document this is. Order matters: the narrower kinds (a results table, an audit
 * report, a letter) are tried before the broad ones, because a letter also mentions 绩效评价.
 */
export function detectDocumentKind(segments: string[], text: string): KindDetection {
  const input = kindInput(segments, text);
  const rows = countResultsTableRows(input);
  if (rows > 0) return { kind: 'results_table', resultsTableRows: rows };
  const kind: DocumentKind = isAuditReport(input)
    ? 'audit_report'
    : isReviewLetter(input)
      ? 'review_letter'
      : isSelfEvaluation(input)
        ? 'self_evaluation'
        : isFeedbackForm(input)
          ? 'feedback_form'
          : isEvaluationReport(input)
            ? 'evaluation_report'
            : 'unknown';
  return { kind, resultsTableRows: null };
}
