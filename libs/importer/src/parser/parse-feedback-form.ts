import { htmlToText } from '../format/html-to-text.converter';
import type {
  ParsedFinding,
  ParsedRecommendation,
  ParseResult,
  ParseWarning,
} from '../model/parse-result.types';
import { warning } from '../model/warning-codes.const';
import { toSegments } from '../text/segment-builder';
import { splitDocument, type DocumentLayout } from './document-layout.splitter';
import { buildEvaluation } from './evaluation.builder';
import { splitIssues, type IssuesSplit } from './issues-region.splitter';
import { parseFindingItem, parseRecommendationItem } from './item-structure.parser';
import { scanMarkers, type MarkerCandidate } from './marker-scanner';
import { chooseItemFamily, isNoneDeclared, splitItems, type RawItem } from './numbered-items.splitter';
import { joinRegionLines } from './paragraph-joiner';
import { pairRecommendations } from './recommendation-pairing';
import { emptyEvaluation } from './empty-evaluation';

/** Larger inputs are cut: no real form is this long, and parse time must stay bounded. */
export const MAX_PARSE_CHARS = 2_000_000;

interface NumberedFinding {
  finding: ParsedFinding;
  number: number | null;
  start: number;
}

/**
 * Turns the text of a 绩效评价结果反馈表 into structured facts. Never throws: anything it cannot
 * understand becomes a warning, because imports are reviewed by people who need to see the
 * partial result.
 */
export function parseFeedbackForm(text: string): ParseResult {
  try {
    return parse(typeof text === 'string' ? text : String(text ?? ''));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
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
  if (looksLikeHtmlDocument(text)) text = htmlToText(text);

  const layout = splitDocument(toSegments(text));
  const built = buildEvaluation(layout);
  warnings.push(...built.warnings);
  if (layout.secondReportIgnored) {
    warnings.push(
      warning(
        'SECOND_REPORT_IGNORED',
        '同一文件中的第二份报告已忽略，仅解析第一份 (a second report in the same file was ignored)',
      ),
    );
  }
  const issues = parseIssues(layout, warnings);
  return { evaluation: built.evaluation, ...issues, warnings };
}

function looksLikeHtmlDocument(text: string): boolean {
  return /^\s*(?:<\?xml[^>]{0,200}>\s*)?(?:<!doctype\s+html|<html[\s>])/i.test(text.slice(0, 400));
}

function parseIssues(
  layout: DocumentLayout,
  warnings: ParseWarning[],
): { findings: ParsedFinding[]; recommendations: ParsedRecommendation[] } {
  const split = splitIssues(joinRegionLines(layout.issues));
  const problemsText = cutAtSibling(split.problemsText, layout.problemsHeadingMarker);
  const recsText = split.recsText === null ? null : cutAtSibling(split.recsText, split.recsHeadingMarker);

  const problemsDeclaredNone = isNoneDeclared(problemsText);
  const numbered = problemsDeclaredNone ? [] : buildFindings(problemsText, warnings);
  if (problemsDeclaredNone) {
    warnings.push(warning('NO_PROBLEMS_DECLARED', '反馈表写明暂无问题 (the form declares no problems)'));
  } else if (numbered.length === 0) {
    if (layout.problemsHeadingFound) {
      warnings.push(
        warning(
          'EMPTY_PROBLEMS_SECTION',
          '找到问题部分，但未能识别出具体问题 (problems section has no recognisable items)',
        ),
      );
    } else {
      warnings.push(warning('NO_PROBLEMS_SECTION', '未找到“存在的问题”部分 (no problems section found)'));
    }
  }

  const sectionRecs =
    recsText === null || isNoneDeclared(recsText)
      ? []
      : buildRecommendations(recsText, numbered.length, warnings);
  const interleaved = attachInterleaved(split, problemsText.length, numbered);
  const findings = numbered.map((n) => n.finding);
  if (findings.length === 0) {
    return { findings, recommendations: renumber([...interleaved.recs, ...sectionRecs.map((r) => r.rec)]) };
  }
  if (interleaved.recs.length > 0) {
    const recommendations = renumber([...interleaved.recs, ...sectionRecs.map((r) => r.rec)]);
    if (recommendations.length !== findings.length || findings.some((f) => f.recommendationSeq === null)) {
      warnings.push(
        warning(
          'COUNT_MISMATCH',
          `问题 ${findings.length} 个，建议 ${recommendations.length} 条，未能一一对应 (problem/recommendation counts differ)`,
        ),
      );
    }
    return { findings, recommendations };
  }
  const pairing = pairRecommendations({
    findingNumbers: numbered.map((n) => n.number),
    recommendationNumbers: sectionRecs.map((r) => r.number),
  });
  warnings.push(...pairing.warnings);
  pairing.recommendationIndex.forEach((index, i) => {
    findings[i].recommendationSeq = index === null ? null : index + 1;
  });
  return { findings, recommendations: sectionRecs.map((r) => r.rec) };
}

function buildFindings(text: string, warnings: ParseWarning[]): NumberedFinding[] {
  const split = splitItems(text, 'problems');
  noteListShape(split.unnumbered, split.gaps, split.items, '问题', warnings);
  const out: NumberedFinding[] = [];
  for (const item of split.items) {
    const parsed = parseFindingItem(item.body, split.family);
    if (!parsed) continue;
    out.push({
      finding: { seq: out.length + 1, ...parsed, recommendationSeq: null },
      number: item.number,
      start: item.start,
    });
  }
  return out;
}

function buildRecommendations(
  text: string,
  findingCount: number,
  warnings: ParseWarning[],
): Array<{ rec: ParsedRecommendation; number: number | null }> {
  const split = splitItems(text, 'recs', findingCount);
  noteListShape(false, split.gaps, split.items, '建议', warnings);
  const out: Array<{ rec: ParsedRecommendation; number: number | null }> = [];
  for (const item of split.items) {
    const parsed = parseRecommendationItem(item.body);
    if (parsed) out.push({ rec: { seq: out.length + 1, ...parsed }, number: item.number });
  }
  return out;
}

function noteListShape(
  unnumbered: boolean,
  gaps: number,
  items: RawItem[],
  noun: string,
  warnings: ParseWarning[],
): void {
  if (unnumbered && items.length > 1) {
    warnings.push(
      warning(
        'UNNUMBERED_ITEMS',
        `${noun}未编号，已按段落/句子拆分为 ${items.length} 条，请核对 (unnumbered list split heuristically)`,
      ),
    );
  }
  if (gaps > 0) {
    warnings.push(warning('NUMBERING_GAP', `${noun}编号不连续，缺 ${gaps} 个编号 (numbering skips ${gaps})`));
  }
}

/** Interleaved recommendations answer the problem they follow; several for one problem are merged. */
function attachInterleaved(
  split: IssuesSplit,
  problemsLength: number,
  numbered: NumberedFinding[],
): { recs: ParsedRecommendation[] } {
  const recs: ParsedRecommendation[] = [];
  const byFinding = new Map<number, ParsedRecommendation>();
  // Anchors and findings are both in text order, so one forward pass pairs them.
  let ownerIndex = -1;
  for (const item of split.interleaved) {
    if (item.anchor > problemsLength) continue;
    while (ownerIndex + 1 < numbered.length && numbered[ownerIndex + 1].start < item.anchor) ownerIndex++;
    const owner = ownerIndex >= 0 ? numbered[ownerIndex] : undefined;
    const parsed = parseRecommendationItem(item.text);
    if (!parsed) continue;
    const existing = owner ? byFinding.get(owner.finding.seq) : undefined;
    if (existing) {
      existing.text += `\n${parsed.text}`;
      continue;
    }
    const rec: ParsedRecommendation = { seq: recs.length + 1, ...parsed };
    recs.push(rec);
    if (owner) {
      byFinding.set(owner.finding.seq, rec);
      owner.finding.recommendationSeq = rec.seq;
    }
  }
  return { recs };
}

function renumber(recs: ParsedRecommendation[]): ParsedRecommendation[] {
  return recs.map((r, i) => ({ ...r, seq: i + 1 }));
}

/**
 * "一、存在的问题" ends where "二、…" begins, even when "二、…" is a heading we do not know
 * (unless the items themselves use "一、" numbering).
 */
function cutAtSibling(text: string, heading: MarkerCandidate | null): string {
  if (heading === null) return text;
  const candidates = scanMarkers(text);
  if (chooseItemFamily(candidates) === heading.family) return text;
  const sibling = candidates.find(
    (c) => c.family === heading.family && c.lineStart && c.value > heading.value,
  );
  return sibling ? text.slice(0, sibling.start) : text;
}
