import type { Grade, ParsedEvaluation, ParseWarning } from '../model/parse-result.types';
import { warning } from '../model/warning-codes.const';
import { executionRateDiscrepancy, findBudgetFigures, type BudgetFigures } from './budget-figures.parser';
import type { DocumentLayout } from './document-layout.splitter';
import { gradeForScore } from './grade.util';
import {
  findGradeInProse,
  findScoreInProse,
  HEADER_FIELD_LABELS,
  parseGrade,
  parseScore,
  type HeaderField,
} from './header-fields.parser';
import { joinRegionLines } from './paragraph-joiner';

const REQUIRED_FIELDS: HeaderField[] = [
  'organizer',
  'supervisingDepartment',
  'projectUnit',
  'projectPeriod',
  'evaluator',
  'evaluationPeriod',
  'score',
  'grade',
];

export function buildEvaluation(layout: DocumentLayout): {
  evaluation: ParsedEvaluation;
  warnings: ParseWarning[];
} {
  const warnings: ParseWarning[] = [];
  const header = layout.header;
  const basicInfo = textOrNull(joinRegionLines(layout.basic));
  const performanceSummary = textOrNull(joinRegionLines(layout.summary));
  const prose = [layout.preamble.join('\n'), basicInfo ?? '', performanceSummary ?? ''].join('\n');

  for (const field of REQUIRED_FIELDS) {
    if (!header.has(field)) {
      warnings.push(
        warning(
          'MISSING_HEADER_FIELD',
          `缺少表头字段「${HEADER_FIELD_LABELS[field]}」(missing header field: ${field})`,
        ),
      );
    }
  }

  const score = parseScore(header.get('score') ?? '') ?? findScoreInProse(prose);
  let grade: Grade | null = parseGrade(header.get('grade') ?? '') ?? findGradeInProse(prose);
  if (score !== null && (score < 0 || score > 100)) {
    warnings.push(warning('SCORE_OUT_OF_RANGE', `评价分值 ${score} 超出 0–100 (score out of range)`));
  }
  if (grade === null && score !== null) {
    grade = gradeForScore(score);
    warnings.push(
      warning(
        'GRADE_DERIVED_FROM_SCORE',
        `未写明评价结论，按分值 ${score} 推定为「${grade}」(grade derived from score)`,
      ),
    );
  } else if (grade !== null && score !== null && gradeForScore(score) !== grade) {
    warnings.push(
      warning(
        'SCORE_GRADE_MISMATCH',
        `评价分值 ${score} 对应等级「${gradeForScore(score)}」，与评价结论「${grade}」不一致 (score and grade disagree)`,
      ),
    );
  }

  const figures = mergeFigures(findBudgetFigures(basicInfo ?? ''), findBudgetFigures(prose));
  const expectedRate = executionRateDiscrepancy(figures);
  if (expectedRate !== null) {
    warnings.push(
      warning(
        'EXECUTION_RATE_MISMATCH',
        `预算执行率写为 ${figures.executionRate}%，按支出 ${figures.spent} 万元计算应为 ${expectedRate}% (execution rate does not match its figures)`,
      ),
    );
  }

  const evaluation: ParsedEvaluation = {
    organizer: header.get('organizer') ?? null,
    supervisingDepartment: header.get('supervisingDepartment') ?? null,
    projectUnit: header.get('projectUnit') ?? null,
    projectPeriod: header.get('projectPeriod') ?? null,
    evaluator: header.get('evaluator') ?? null,
    evaluationPeriod: header.get('evaluationPeriod') ?? null,
    score,
    grade,
    projectName:
      header.get('projectName') ?? projectNameFromTitle(layout.title) ?? projectNameFromProse(prose),
    title: layout.title,
    basicInfo,
    performanceSummary,
    ...figures,
    documentNumber: null,
    documentDate: null,
    rectificationDeadline: null,
  };
  return { evaluation, warnings };
}

function textOrNull(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
}

/** Figures from 基本情况 win; the rest of the form only fills gaps. */
function mergeFigures(primary: BudgetFigures, fallback: BudgetFigures): BudgetFigures {
  return {
    budget: primary.budget ?? fallback.budget,
    allocated: primary.allocated ?? fallback.allocated,
    spent: primary.spent ?? fallback.spent,
    executionRate: primary.executionRate ?? fallback.executionRate,
  };
}

const TITLE_PROJECT =
  /^(?:关于)?(.{2,60}?(?:项目|资金|计划|工程|补贴|补助|经费))(?:资金)?(?:支出)?(?:的)?(?:绩效|评价|整改)/;
const PROSE_PROJECT = /(?:19|20)[0-9]{2}年度?[^\s，。；;：:、《》“”"'（）()〔〕【】[\]\n0-9]{2,40}?项目/;

function projectNameFromTitle(title: string | null): string | null {
  const m = title ? TITLE_PROJECT.exec(title) : null;
  return m ? m[1] : null;
}

/** "2023年工业发展专项资金项目预算2900万元" → the first "<year>年…项目" phrase. */
function projectNameFromProse(text: string): string | null {
  const m = PROSE_PROJECT.exec(text);
  return m ? m[0] : null;
}
