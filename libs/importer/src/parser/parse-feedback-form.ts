import { htmlToText } from '../format/html-to-text.converter';
import type {
  DocumentKind,
  ParsedFinding,
  ParsedRecommendation,
  ParseResult,
  ParseWarning,
} from '../model/parse-result.types';
import { warning } from '../model/warning-codes.const';
import { toSegments } from '../text/segment-builder';
import { isPublicationLine, isSiteFurniture } from '../text/site-furniture.filter';
import { toSimplified } from '../text/traditional-to-simplified';
import { parseAuditIssues } from './audit/audit-issues.parser';
import { confidenceOf } from './confidence.builder';
import { splitDocument } from './document-layout.splitter';
import { emptyEvaluation } from './empty-evaluation';
import { buildEvaluation } from './evaluation.builder';
import { parseIssues, type DraftItem, type ParsedIssues } from './issues.parser';
import { detectDocumentKind } from './kind/document-kind.detector';
import { applyKindFacts } from './kind-facts';
import { mentionsProblemsInAttachment } from './letter-facts.parser';
import { SourceIndex } from './provenance/source-index';
import { locateSpans } from './provenance/span-locator';

/** Larger inputs are cut: no real form is this long, and parse time must stay bounded. */
export const MAX_PARSE_CHARS = 2_000_000;

/**
 * Turns the text of an evaluation document (feedback form, report, self-evaluation, audit report,
 * letter) into structured facts. Never throws: anything it cannot understand becomes a warning,
 * because imports are reviewed by people who need to see the partial result.
 */
export function parseFeedbackForm(text: string): ParseResult {
  try {
    return parse(typeof text === 'string' ? text : String(text ?? ''));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      kind: 'unknown',
      resultsTableRows: null,
      evaluation: emptyEvaluation(),
      findings: [],
      recommendations: [],
      warnings: [warning('INTERNAL_ERROR', `解析器内部错误，结果为空 (internal parser error: ${detail})`)],
    };
  }
}

function parse(input: string): ParseResult {
  const warnings: ParseWarning[] = [];
  let text = input;
  if (text.length > MAX_PARSE_CHARS) {
    text = text.slice(0, MAX_PARSE_CHARS);
    warnings.push(
      warning('INPUT_TRUNCATED', `文本超过 ${MAX_PARSE_CHARS} 字符，超出部分未解析 (input truncated)`),
    );
  }
  // One character for one: spans found in `source` are spans of the caller's string.
  const simplified = toSimplified(text);
  const source = simplified.text;
  if (simplified.noteworthy) {
    warnings.push(
      warning(
        'TRADITIONAL_CONVERTED',
        `文本含 ${simplified.converted} 个繁体字，已按简体解析 (traditional characters read as simplified)`,
      ),
    );
  }
  const plain = looksLikeHtmlDocument(source) ? htmlToText(source) : source;
  const segments = toSegments(plain).filter((s) => !isSiteFurniture(s) && !isPublicationLine(s));
  const detection = detectDocumentKind(segments, plain);
  const layout = splitDocument(segments);
  const built = buildEvaluation(layout);
  warnings.push(...built.warnings);
  const evaluation = applyKindFacts(detection.kind, built.evaluation, layout, segments, plain, warnings);

  if (detection.kind === 'results_table') {
    warnings.push(
      warning(
        'RESULTS_TABLE',
        `这是绩效评价结果公示表（${detection.resultsTableRows} 行，每行一个项目），不含具体问题，未导入问题 (results table)`,
      ),
    );
    return {
      ...detection,
      evaluation,
      findings: [],
      recommendations: [],
      warnings: dropSectionWarnings(warnings),
    };
  }
  if (layout.secondReportIgnored) {
    warnings.push(
      warning(
        'SECOND_REPORT_IGNORED',
        '同一文件中的第二份报告已忽略，仅解析第一份 (a second report in the same file was ignored)',
      ),
    );
  }
  const issues = readIssues(detection.kind, layout, segments, warnings);
  if (issues.findings.length === 0 && !issues.declaredNone && mentionsProblemsInAttachment(plain)) {
    dropSectionWarnings(warnings, true);
    warnings.push(
      warning(
        'PROBLEMS_IN_ATTACHMENT',
        '具体问题列在附件中，本文件未列出问题：已导入表头和期限，问题请导入附件或手工录入 (problems are in an attachment)',
      ),
    );
  }
  const { findings, recommendations } = finish(issues, new SourceIndex(source));
  return { ...detection, evaluation, findings, recommendations, warnings };
}

function readIssues(
  kind: DocumentKind,
  layout: ReturnType<typeof splitDocument>,
  segments: string[],
  warnings: ParseWarning[],
): ParsedIssues {
  if (kind === 'audit_report') {
    const audit = parseAuditIssues(segments);
    if (audit !== null) return audit;
  }
  return parseIssues(layout, warnings);
}

/** Spans, confidence and final numbering. */
function finish(
  issues: ParsedIssues,
  index: SourceIndex,
): { findings: ParsedFinding[]; recommendations: ParsedRecommendation[] } {
  const findings = issues.findings.map((d) => d.item);
  const recommendations = issues.recommendations.map((d) => d.item);
  const findingSpans = locateSpans(index, findings);
  const firstStart = findingSpans.find((s) => s !== null)?.start ?? 0;
  const recFrom = Math.max(0, index.compact.length === 0 ? 0 : compactPosition(index, firstStart));
  const recSpans = locateSpans(index, recommendations, recFrom);
  return {
    findings: withProvenance(issues.findings, findingSpans),
    recommendations: withProvenance(issues.recommendations, recSpans),
  };
}

function withProvenance<T extends ParsedFinding | ParsedRecommendation>(
  drafts: Array<DraftItem<T>>,
  spans: ReturnType<typeof locateSpans>,
): T[] {
  return drafts.map((d, i) => ({ ...d.item, span: spans[i], confidence: confidenceOf(d.codes) }));
}

function compactPosition(index: SourceIndex, sourceOffset: number): number {
  let lo = 0;
  let hi = index.compact.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (index.sourceOffset(mid) < sourceOffset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Section warnings are wrong for documents that have no problems section by nature. */
function dropSectionWarnings(warnings: ParseWarning[], all = true): ParseWarning[] {
  const codes = new Set([
    'NO_PROBLEMS_SECTION',
    'EMPTY_PROBLEMS_SECTION',
    ...(all ? ['NO_RECOMMENDATIONS'] : []),
  ]);
  for (let i = warnings.length - 1; i >= 0; i--) if (codes.has(warnings[i].code)) warnings.splice(i, 1);
  return warnings;
}

function looksLikeHtmlDocument(text: string): boolean {
  return /^\s*(?:<\?xml[^>]{0,200}>\s*)?(?:<!doctype\s+html|<html[\s>])/i.test(text.slice(0, 400));
}
