import type { KindInput } from './kind-input';
import { countAuditHeadings } from '../audit/audit-heading.matcher';

const TITLE_LINES = 4;

/** 审计结果 / 审计整改 reports: the title names the audit, or the body is built of audit headings. */
export function isAuditReport(input: KindInput): boolean {
  const titled = input.segments
    .slice(0, TITLE_LINES)
    .some((s) => s.length <= 80 && /审计/.test(s) && /整改|发现|结果|报告|问题|意见|决定/.test(s));
  return titled || (countAuditHeadings(input.segments) >= 2 && !/反馈表|评价报告|自评/.test(input.head));
}
