import type { ParsedEvaluation, ParseResult, ParseWarning } from '@rectiflow/importer';
import type {
  EvaluationEntity,
  FindingEntity,
  ItemConfidence,
  RecommendationEntity,
} from '@rectiflow/persistence';
import { DECIMAL_MAX, TEXT_LIMITS } from './column-limits';

type HeaderColumns = Pick<
  EvaluationEntity,
  | 'title'
  | 'projectName'
  | 'organizer'
  | 'supervisingDepartment'
  | 'projectUnit'
  | 'projectPeriod'
  | 'evaluator'
  | 'evaluationPeriod'
  | 'score'
  | 'grade'
  | 'basicInfo'
  | 'performanceSummary'
  | 'budget'
  | 'allocated'
  | 'spent'
  | 'executionRate'
  | 'warnings'
>;

type ProvenanceColumns = 'spanStart' | 'spanEnd' | 'confidence';

export interface MappedParseResult {
  evaluation: HeaderColumns;
  findings: Array<
    Pick<FindingEntity, 'seq' | 'title' | 'text' | 'points' | 'recommendationSeq' | ProvenanceColumns>
  >;
  recommendations: Array<Pick<RecommendationEntity, 'seq' | 'title' | 'text' | ProvenanceColumns>>;
}

/**
 * Parser output → column values. The parser already bounds its strings, but numbers from odd documents
 * (a 16-digit 亿元 amount, a 999.999 score) can exceed their DECIMAL column: such a value is stored as
 * null with a VALUE_OUT_OF_RANGE warning instead of failing the import.
 */
export function mapParseResult(result: ParseResult, textLength = Infinity): MappedParseResult {
  const warnings: ParseWarning[] = [...result.warnings];
  const e: ParsedEvaluation = result.evaluation;
  const number = (label: string, value: number | null, max: number): number | null => {
    if (value === null || Math.abs(Math.round(value * 100) / 100) <= max) return value;
    warnings.push({
      code: 'VALUE_OUT_OF_RANGE',
      message: `${label} ${value} 超出可保存范围，已置空，请核对后手工填写 (value out of range)`,
    });
    return null;
  };
  const evaluation: HeaderColumns = {
    title: clip(e.title, TEXT_LIMITS.title),
    projectName: clip(e.projectName, TEXT_LIMITS.projectName),
    organizer: clip(e.organizer, TEXT_LIMITS.organizer),
    supervisingDepartment: clip(e.supervisingDepartment, TEXT_LIMITS.supervisingDepartment),
    projectUnit: clip(e.projectUnit, TEXT_LIMITS.projectUnit),
    projectPeriod: clip(e.projectPeriod, TEXT_LIMITS.projectPeriod),
    evaluator: clip(e.evaluator, TEXT_LIMITS.evaluator),
    evaluationPeriod: clip(e.evaluationPeriod, TEXT_LIMITS.evaluationPeriod),
    score: number('评价分值', e.score, DECIMAL_MAX.score),
    grade: e.grade,
    basicInfo: e.basicInfo,
    performanceSummary: e.performanceSummary,
    budget: number('预算金额', e.budget, DECIMAL_MAX.amount),
    allocated: number('到位金额', e.allocated, DECIMAL_MAX.amount),
    spent: number('实际支出', e.spent, DECIMAL_MAX.amount),
    executionRate: number('执行率', e.executionRate, DECIMAL_MAX.executionRate),
    warnings,
  };
  return {
    evaluation,
    findings: result.findings.map((f) => ({
      seq: f.seq,
      title: clip(f.title, TEXT_LIMITS.findingTitle) ?? '',
      text: f.text,
      points: f.points,
      recommendationSeq: f.recommendationSeq,
      ...provenance(f, textLength),
    })),
    recommendations: result.recommendations.map((r) => ({
      seq: r.seq,
      title: clip(r.title, TEXT_LIMITS.recommendationTitle) ?? '',
      text: r.text,
      ...provenance(r, textLength),
    })),
  };
}

/** What the parser may say about an item's origin (see the importer contract: span, confidence). */
interface ItemProvenance {
  span?: { start: number; end: number } | null;
  confidence?: ItemConfidence | null;
}

/**
 * The item's span and confidence as columns. A span outside the stored text (which cannot happen for a span
 * into the parsed string, but the columns must never point nowhere) is dropped; a score is kept within 0..1.
 */
function provenance(
  item: object,
  textLength: number,
): { spanStart: number | null; spanEnd: number | null; confidence: ItemConfidence | null } {
  const { span, confidence } = item as ItemProvenance;
  const valid =
    span &&
    Number.isInteger(span.start) &&
    Number.isInteger(span.end) &&
    span.start >= 0 &&
    span.start <= span.end &&
    span.end <= textLength;
  return {
    spanStart: valid ? span.start : null,
    spanEnd: valid ? span.end : null,
    confidence: confidence
      ? {
          score: Math.min(1, Math.max(0, Number(confidence.score) || 0)),
          reasons: (confidence.reasons ?? []).map((r) => ({ code: r.code, message: r.message })),
        }
      : null,
  };
}

/** Cuts by code point so that a surrogate pair is never split. */
function clip(value: string | null, max: number): string | null {
  if (value === null || value.length <= max) return value;
  return Array.from(value).slice(0, max).join('');
}
