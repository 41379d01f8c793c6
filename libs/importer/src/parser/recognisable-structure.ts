import type { ParseResult } from '../model/parse-result.types';

const HEADER_FACTS = [
  'organizer',
  'supervisingDepartment',
  'projectUnit',
  'projectPeriod',
  'evaluator',
  'evaluationPeriod',
  'score',
  'grade',
] as const;

/**
 * False when nothing suggests the text is a feedback form: no header fact, no problems section,
 * no finding. Callers answer 422 / exit 2 rather than store an empty evaluation.
 */
export function hasRecognisableStructure(result: ParseResult): boolean {
  if (result.findings.length > 0) return true;
  if (HEADER_FACTS.some((key) => result.evaluation[key] !== null)) return true;
  return !result.warnings.some((w) => w.code === 'NO_PROBLEMS_SECTION' || w.code === 'INTERNAL_ERROR');
}
