import { gradeForScore } from '@rectiflow/importer';
import type { EvaluationEntity, EvaluationWarning } from '@rectiflow/persistence';

export type HeaderState = Pick<
  EvaluationEntity,
  | 'organizer'
  | 'supervisingDepartment'
  | 'projectUnit'
  | 'projectPeriod'
  | 'evaluator'
  | 'evaluationPeriod'
  | 'score'
  | 'grade'
  | 'budget'
  | 'allocated'
  | 'spent'
  | 'executionRate'
>;

/** The eight header cells of a feedback form, with the labels the importer uses in its warnings. */
const REQUIRED_HEADER: Array<[keyof HeaderState, string]> = [
  ['organizer', '评价组织机构'],
  ['supervisingDepartment', '项目主管部门'],
  ['projectUnit', '项目单位名称'],
  ['projectPeriod', '项目起止时间'],
  ['evaluator', '评价机构'],
  ['evaluationPeriod', '评价时间'],
  ['score', '评价分值'],
  ['grade', '评价结论'],
];
const FIGURES: Array<keyof HeaderState> = ['budget', 'allocated', 'spent', 'executionRate'];
const RATE_TOLERANCE = 0.05;

/**
 * Warnings that describe header facts are recomputed when a draft edit changes those facts, so that a
 * corrected score/grade clears SCORE_GRADE_MISMATCH (or raises it) and a filled-in cell clears its
 * MISSING_HEADER_FIELD. Only the families whose inputs changed are touched; the importer's other warnings
 * (pairing, numbering, second report…) describe the document and stay. Same codes and wording as the importer.
 */
export function recomputeHeaderWarnings(
  warnings: EvaluationWarning[],
  header: HeaderState,
  changed: ReadonlySet<keyof HeaderState>,
): EvaluationWarning[] {
  const drop = new Set<string>();
  const added: EvaluationWarning[] = [];
  if (changed.has('score') || changed.has('grade')) {
    drop.add('SCORE_GRADE_MISMATCH').add('SCORE_OUT_OF_RANGE');
    if (changed.has('grade')) drop.add('GRADE_DERIVED_FROM_SCORE');
    added.push(...scoreWarnings(header));
  }
  if (FIGURES.some((f) => changed.has(f))) {
    drop.add('EXECUTION_RATE_MISMATCH');
    added.push(...rateWarnings(header));
  }
  if (REQUIRED_HEADER.some(([f]) => changed.has(f))) {
    drop.add('MISSING_HEADER_FIELD');
    for (const [field, label] of REQUIRED_HEADER) {
      if (header[field] === null) {
        added.push({
          code: 'MISSING_HEADER_FIELD',
          message: `缺少表头字段「${label}」(missing header field: ${field})`,
        });
      }
    }
  }
  return [...warnings.filter((w) => !drop.has(w.code)), ...added];
}

function scoreWarnings({ score, grade }: HeaderState): EvaluationWarning[] {
  if (score === null) return [];
  if (score < 0 || score > 100) {
    return [{ code: 'SCORE_OUT_OF_RANGE', message: `评价分值 ${score} 超出 0–100 (score out of range)` }];
  }
  const expected = gradeForScore(score);
  if (grade === null || grade === expected) return [];
  return [
    {
      code: 'SCORE_GRADE_MISMATCH',
      message: `评价分值 ${score} 对应等级「${expected}」，与评价结论「${grade}」不一致 (score and grade disagree)`,
    },
  ];
}

/** The stated rate must match spent / allocated or spent / budget (bureaus use either base). */
function rateWarnings({ budget, allocated, spent, executionRate }: HeaderState): EvaluationWarning[] {
  if (spent === null || executionRate === null) return [];
  const bases = [allocated, budget].filter((b): b is number => b !== null && b > 0);
  if (!bases.length) return [];
  const expected = bases.map((b) => Math.round((spent / b) * 10000) / 100);
  if (expected.some((e) => Math.abs(e - executionRate) <= RATE_TOLERANCE)) return [];
  return [
    {
      code: 'EXECUTION_RATE_MISMATCH',
      message: `预算执行率写为 ${executionRate}%，按支出 ${spent} 万元计算应为 ${expected[0]}% (execution rate does not match its figures)`,
    },
  ];
}
