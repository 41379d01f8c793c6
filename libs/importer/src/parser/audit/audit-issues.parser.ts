import type { ParsedFinding } from '../../model/parse-result.types';
import { blankFinding, FINDING_TOO_LONG_CHARS, type DraftItem, type ParsedIssues } from '../issues.parser';
import { splitAuditFindings } from './audit-findings.splitter';

/**
 * Findings of an audit or 审计整改 report, one per problem heading. Null when no heading is found,
 * so the caller falls back to the general reader. Such reports carry no recommendations of their
 * own (the measures are the unit's), so none are reported missing.
 */
export function parseAuditIssues(segments: string[]): ParsedIssues | null {
  const items = splitAuditFindings(segments);
  if (items.length === 0) return null;
  const findings: Array<DraftItem<ParsedFinding>> = items.map((item, i) => ({
    item: blankFinding({ title: item.heading.title, text: item.text, points: [] }, i + 1),
    number: item.heading.number,
    start: i,
    codes: item.text.length > FINDING_TOO_LONG_CHARS ? ['audit_heading', 'too_long'] : ['audit_heading'],
  }));
  return { findings, recommendations: [], declaredNone: false };
}
