import type { ParseWarning } from './parse-result.types';

/**
 * Every warning code the parser can emit. Consumers switch on these strings (UI badges,
 * review queues), so codes are stable and only ever added to.
 */
export const WARNING_CODES = [
  'NO_PROBLEMS_SECTION',
  'NO_RECOMMENDATIONS',
  'COUNT_MISMATCH',
  'PAIRING_BY_POSITION',
  'SINGLE_RECOMMENDATION_FOR_ALL',
  'SCORE_GRADE_MISMATCH',
  'EXECUTION_RATE_MISMATCH',
  'MISSING_HEADER_FIELD',
  'SECOND_REPORT_IGNORED',
  'NO_PROBLEMS_DECLARED',
  'EMPTY_PROBLEMS_SECTION',
  'UNNUMBERED_ITEMS',
  'NUMBERING_GAP',
  'GRADE_DERIVED_FROM_SCORE',
  'SCORE_OUT_OF_RANGE',
  'INPUT_TRUNCATED',
  'INTERNAL_ERROR',
  'PAIRING_BY_TOPIC',
  'NUMBERING_RESTART',
  'NUMBERING_JUMP',
  'FINDING_TOO_LONG',
  'RESULTS_TABLE',
  'PROBLEMS_IN_ATTACHMENT',
  'TRADITIONAL_CONVERTED',
  'GRADE_WORD_MAPPED',
  'SCORE_FROM_TOTAL_ROW',
  'EVALUATOR_IS_SELF',
] as const;

export type WarningCode = (typeof WARNING_CODES)[number];

export function warning(code: WarningCode, message: string): ParseWarning {
  return { code, message };
}
