import type { DocumentKind, ParsedEvaluation, ParseWarning } from '../model/parse-result.types';
import { warning } from '../model/warning-codes.const';
import type { DocumentLayout } from './document-layout.splitter';
import { gradeForScore } from './grade.util';
import {
  findGradeInProse,
  findScoreInProse,
  NON_STANDARD_GRADE_WORD,
  parseScore,
} from './header-fields.parser';
import { emptyEvaluation } from './empty-evaluation';
import {
  findAddressee,
  findDocumentDate,
  findDocumentNumber,
  findRectificationDeadline,
  findSender,
  findSignature,
} from './letter-facts.parser';

const TOTAL_ROW = /^(?:合计|总计|总分|合计得分|总得分)$/;
const NUMBER_CELL = /^[0-9]{1,3}(?:\.[0-9]{1,2})?分?$/;
const UNIT_FROM_TITLE =
  /^([\u4e00-\u9fa5]{2,30}?(?:局|厅|委员会|委|政府|办公室|中心|院|学校|中学|小学|站|所))(?:[0-9]{4}|关于|部门|单位)/;
/** Kinds whose header is not a 反馈表 table: a missing 评价机构 cell means nothing there. */
const NO_HEADER_TABLE = new Set<DocumentKind>(['audit_report', 'review_letter', 'self_evaluation']);

/**
 * Facts that depend on the kind of document: letters carry 文号, addressee and a deadline; a
 * self-evaluation is scored in a 合计 row and evaluated by the unit itself.
 */
export function applyKindFacts(
  kind: DocumentKind,
  evaluation: ParsedEvaluation,
  layout: DocumentLayout,
  segments: string[],
  text: string,
  warnings: ParseWarning[],
): ParsedEvaluation {
  if (kind === 'results_table') {
    // The header cells are column titles ("项目单位 | 得分"), not facts about one evaluation.
    prune(warnings);
    return { ...emptyEvaluation(), title: evaluation.title };
  }
  const out: ParsedEvaluation = {
    ...evaluation,
    documentNumber: findDocumentNumber(segments),
    documentDate: findDocumentDate(segments),
    rectificationDeadline: findRectificationDeadline(text),
  };
  if (kind === 'review_letter') {
    out.organizer ??= findSender(segments);
    out.supervisingDepartment ??= findAddressee(segments);
    out.title ??= segments.slice(0, 6).find((s) => /函$|通知$/.test(s)) ?? null;
  }
  const before = { score: out.score, grade: out.grade };
  const derived = fillScoreFromText(out, segments, warnings);
  const filled = new Set<string>();
  if (before.score === null && out.score !== null) filled.add('score');
  if (before.grade === null && out.grade !== null && !derived) filled.add('grade');
  if (kind === 'self_evaluation') applySelfEvaluation(out, layout, segments, warnings);
  if (kind === 'audit_report') {
    out.title ??= segments.slice(0, 3).find((s) => /审计/.test(s)) ?? null;
    out.projectUnit ??= findSignature(segments);
  }
  noteGradeWord(layout, out, warnings);
  if (NO_HEADER_TABLE.has(kind)) prune(warnings);
  else prune(warnings, filled);
  return out;
}

/** Reports state the result in a 评价结论 section the layout does not keep ("综合得分86.5分，评价等级为“良”"). */
/** @returns true when the grade had to be derived from the score */
function fillScoreFromText(out: ParsedEvaluation, segments: string[], warnings: ParseWarning[]): boolean {
  if (out.score !== null && out.grade !== null) return false;
  const all = segments.join('\n');
  out.score ??= findScoreInProse(all);
  const stated = out.grade ?? findGradeInProse(all);
  if (stated !== null) {
    out.grade = stated;
    return false;
  }
  if (out.score !== null && !warnings.some((w) => w.code === 'GRADE_DERIVED_FROM_SCORE')) {
    out.grade = gradeForScore(out.score);
    warnings.push(
      warning(
        'GRADE_DERIVED_FROM_SCORE',
        `未写明评价结论，按分值 ${out.score} 推定为「${out.grade}」(grade derived from score)`,
      ),
    );
    return true;
  }
  return false;
}

function applySelfEvaluation(
  out: ParsedEvaluation,
  layout: DocumentLayout,
  segments: string[],
  warnings: ParseWarning[],
): void {
  if (out.score === null) {
    const total = scoreFromTotalRow(segments);
    if (total !== null) {
      out.score = total;
      warnings.push(
        warning('SCORE_FROM_TOTAL_ROW', `自评分值取自“合计”行：${total} 分 (score from the total row)`),
      );
      if (out.grade === null) {
        out.grade = gradeForScore(total);
        warnings.push(
          warning(
            'GRADE_DERIVED_FROM_SCORE',
            `未写明评价结论，按分值 ${total} 推定为「${out.grade}」(grade derived from score)`,
          ),
        );
      }
    }
  }
  const unit =
    out.projectUnit ??
    out.supervisingDepartment ??
    titleUnit(layout.title ?? segments[0] ?? '') ??
    findSignature(segments);
  if (out.evaluator === null && unit !== null) {
    out.evaluator = unit;
    out.projectUnit ??= unit;
    warnings.push(
      warning(
        'EVALUATOR_IS_SELF',
        `单位自评，评价机构即“${unit}”本身 (self-evaluation: the unit evaluated itself)`,
      ),
    );
  }
}

/** "合计 | 100 | 92.5": the last number of the row is the score obtained. */
function scoreFromTotalRow(segments: string[]): number | null {
  for (let i = 0; i < segments.length; i++) {
    if (!TOTAL_ROW.test(segments[i])) continue;
    const numbers: string[] = [];
    for (let k = i + 1; k < Math.min(segments.length, i + 5) && NUMBER_CELL.test(segments[k]); k++) {
      numbers.push(segments[k]);
    }
    const score = numbers.length > 0 ? parseScore(numbers[numbers.length - 1]) : null;
    if (score !== null && score <= 100) return score;
  }
  return null;
}

function titleUnit(title: string): string | null {
  return UNIT_FROM_TITLE.exec(title)?.[1] ?? null;
}

function noteGradeWord(layout: DocumentLayout, out: ParsedEvaluation, warnings: ParseWarning[]): void {
  const raw = layout.header.get('grade');
  if (raw === undefined || out.grade === null) return;
  const word = NON_STANDARD_GRADE_WORD.exec(raw.trim());
  if (word) {
    warnings.push(
      warning(
        'GRADE_WORD_MAPPED',
        `评价结论写为“${word[0]}”，按国家标准等级记为「${out.grade}」，请核对 (grade word mapped)`,
      ),
    );
  }
}

/** Drops MISSING_HEADER_FIELD warnings: for the fields filled since, or all when `filled` is not given. */
function prune(warnings: ParseWarning[], filled?: Set<string>): void {
  for (let i = warnings.length - 1; i >= 0; i--) {
    if (warnings[i].code !== 'MISSING_HEADER_FIELD') continue;
    const field = /missing header field: (\w+)/.exec(warnings[i].message)?.[1];
    if (filled === undefined || (field !== undefined && filled.has(field))) warnings.splice(i, 1);
  }
}
