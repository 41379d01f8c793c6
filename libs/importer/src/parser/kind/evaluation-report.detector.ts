import { findHeaderLabels } from '../header-fields.parser';
import type { KindInput } from './kind-input';

const HEADER_CELLS_FOR_FORM = 3;

/** 绩效评价结果反馈表: titled so, or opened by a table of header labels. */
export function isFeedbackForm(input: KindInput): boolean {
  if (/反馈表|反馈意见/.test(input.head)) return true;
  const labelled = new Set(
    input.segments
      .slice(0, 40)
      .flatMap((s) => findHeaderLabels(s).filter((hit) => hit.start === 0))
      .map((hit) => hit.field),
  );
  return labelled.size >= HEADER_CELLS_FOR_FORM && !/报告/.test(input.head);
}

/** A full evaluation report (the bureau's or a 第三方机构's). */
export function isEvaluationReport(input: KindInput): boolean {
  return /评价报告|评价结果|绩效评价|评价意见/.test(input.head);
}
