import type { ParsedFinding, ParsedRecommendation, ParseWarning } from '../model/parse-result.types';
import { warning } from '../model/warning-codes.const';
import type { ConfidenceCode } from './confidence.builder';
import type { DocumentLayout } from './document-layout.splitter';
import { splitIssues, type IssuesSplit } from './issues-region.splitter';
import { parseFindingItem, parseRecommendationItem } from './item-structure.parser';
import { scanMarkers, type MarkerCandidate, type MarkerFamily } from './marker-scanner';
import { chooseItemFamily, isNoneDeclared, splitItems, type ItemSplit } from './numbered-items.splitter';
import { joinRegionLines } from './paragraph-joiner';
import { pairRecommendations, type PairingMethod } from './recommendation-pairing';

/** A finding on its way out, with what the parser knows about how it was read. */
export interface DraftItem<T> {
  item: T;
  number: number | null;
  start: number;
  codes: ConfidenceCode[];
}

export interface ParsedIssues {
  findings: Array<DraftItem<ParsedFinding>>;
  recommendations: Array<DraftItem<ParsedRecommendation>>;
  /** the section said in words that there are no problems */
  declaredNone: boolean;
}

/** Findings longer than this are rarely one problem: numbering was probably missed. */
export const FINDING_TOO_LONG_CHARS = 3000;
const INLINE = new Set<MarkerFamily>(['cn-shi']);

export function blankFinding(
  fields: Pick<ParsedFinding, 'title' | 'text' | 'points'>,
  seq: number,
): ParsedFinding {
  return { seq, ...fields, recommendationSeq: null, span: null, confidence: { score: 0, reasons: [] } };
}

function blankRec(fields: Pick<ParsedRecommendation, 'title' | 'text'>, seq: number): ParsedRecommendation {
  return { seq, ...fields, span: null, confidence: { score: 0, reasons: [] } };
}

export function parseIssues(layout: DocumentLayout, warnings: ParseWarning[]): ParsedIssues {
  const split = splitIssues(joinRegionLines(layout.issues));
  const problemsText = cutAtSibling(split.problemsText, layout.problemsHeadingMarker);
  const recsText = split.recsText === null ? null : cutAtSibling(split.recsText, split.recsHeadingMarker);

  const declaredNone = isNoneDeclared(problemsText);
  const numbered = declaredNone ? [] : buildFindings(problemsText, warnings);
  if (declaredNone) {
    warnings.push(
      warning('NO_PROBLEMS_DECLARED', '文件写明暂无问题，未导入问题 (the document declares no problems)'),
    );
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
  if (numbered.length === 0) {
    return { findings: numbered, recommendations: renumber([...interleaved, ...sectionRecs]), declaredNone };
  }
  if (interleaved.length > 0) {
    const recommendations = renumber([...interleaved, ...sectionRecs]);
    if (
      recommendations.length !== numbered.length ||
      numbered.some((f) => f.item.recommendationSeq === null)
    ) {
      warnings.push(
        warning(
          'COUNT_MISMATCH',
          `问题 ${numbered.length} 个，建议 ${recommendations.length} 条，未能一一对应 (problem/recommendation counts differ)`,
        ),
      );
    }
    for (const f of numbered)
      f.codes.push(f.item.recommendationSeq === null ? 'unpaired' : 'paired_interleaved');
    return { findings: numbered, recommendations, declaredNone };
  }
  const pairing = pairRecommendations({
    findingNumbers: numbered.map((n) => n.number),
    recommendationNumbers: sectionRecs.map((r) => r.number),
    findingTitles: numbered.map((n) => n.item.title),
    recommendationTitles: sectionRecs.map((r) => r.item.title),
  });
  warnings.push(...pairing.warnings);
  pairing.recommendationIndex.forEach((index, i) => {
    numbered[i].item.recommendationSeq = index === null ? null : index + 1;
    if (sectionRecs.length > 0) numbered[i].codes.push(PAIRING_CODE[pairing.methods[i]]);
  });
  return { findings: numbered, recommendations: sectionRecs, declaredNone };
}

const PAIRING_CODE: Record<PairingMethod, ConfidenceCode> = {
  number: 'paired_by_number',
  position: 'paired_by_position',
  topic: 'paired_by_topic',
  single: 'paired_single',
  none: 'unpaired',
};

function methodOf(split: ItemSplit, index: number): ConfidenceCode[] {
  if (split.leadItem && index === 0) return ['lead_clause'];
  if (split.family === null)
    return [
      split.items.length > 1 && !split.items.some((i) => /\n/.test(i.body))
        ? 'sentence_split'
        : 'paragraph_split',
    ];
  return [INLINE.has(split.family) ? 'inline_enumeration' : 'numbered_heading'];
}

/** "（一）预算执行方面" groups problems; it is not one itself. */
const CATEGORY = /^[^，,。；;]{2,16}(?:方面|领域|环节|类|类问题|等问题|中存在的问题)$/;
const GROUP_FAMILIES = new Set<MarkerFamily>(['cn-paren', 'cn-dun']);

/**
 * When every item is a category heading ("（一）预算执行方面") over a numbered list, the numbered
 * entries are the problems. A heading that states a problem keeps its 1. 2. as points.
 */
function flattenCategories(split: ItemSplit): ItemSplit | null {
  if (split.family === null || !GROUP_FAMILIES.has(split.family) || split.items.length === 0) return null;
  const groups = split.items.map((item) => {
    const body = item.body.replace(/^[ \t]+/, '');
    const lineEnd = body.indexOf('\n');
    const head = (lineEnd === -1 ? body : body.slice(0, lineEnd)).trim().replace(/[:：。]$/, '');
    return {
      item,
      head,
      rest: lineEnd === -1 ? '' : body.slice(lineEnd + 1),
      offset: item.end - body.length + lineEnd + 1,
    };
  });
  if (!groups.every((g) => CATEGORY.test(g.head) && g.rest.trim() !== '')) return null;
  const items: ItemSplit['items'] = [];
  let restarts = 0;
  for (const g of groups) {
    const inner = splitItems(g.rest, 'problems');
    if (inner.family === null) return null;
    if (items.length > 0) restarts++;
    for (const raw of inner.items)
      items.push({ ...raw, start: raw.start + g.offset, end: raw.end + g.offset });
  }
  return {
    ...split,
    items,
    family: 'arabic',
    gaps: 0,
    restarts: 0,
    jumps: 0,
    leadItem: false,
    grouped: restarts > 0,
  };
}

function buildFindings(text: string, warnings: ParseWarning[]): Array<DraftItem<ParsedFinding>> {
  const plain = splitItems(text, 'problems');
  const split = flattenCategories(plain) ?? plain;
  noteListShape(split, '问题', warnings);
  const out: Array<DraftItem<ParsedFinding>> = [];
  split.items.forEach((raw, index) => {
    const parsed = parseFindingItem(raw.body, split.family);
    if (!parsed) return;
    const codes = methodOf(split, index);
    if (split.restarts > 0) codes.push('numbering_restart');
    if (parsed.text.length > FINDING_TOO_LONG_CHARS) codes.push('too_long');
    // After a restart (or across groups) the written numbers repeat; only the order identifies an item.
    const number = split.restarts > 0 || split.grouped ? out.length + 1 : raw.number;
    out.push({ item: blankFinding(parsed, out.length + 1), number, start: raw.start, codes });
  });
  const long = out.filter((f) => f.item.text.length > FINDING_TOO_LONG_CHARS);
  if (long.length > 0) {
    warnings.push(
      warning(
        'FINDING_TOO_LONG',
        `第 ${long.map((f) => f.item.seq).join('、')} 个问题超过 ${FINDING_TOO_LONG_CHARS} 字，可能漏识别了编号，请核对 (implausibly long finding)`,
      ),
    );
  }
  return out;
}

function buildRecommendations(
  text: string,
  findingCount: number,
  warnings: ParseWarning[],
): Array<DraftItem<ParsedRecommendation>> {
  const split = splitItems(text, 'recs', findingCount);
  noteListShape({ ...split, unnumbered: false }, '建议', warnings);
  const out: Array<DraftItem<ParsedRecommendation>> = [];
  split.items.forEach((raw, index) => {
    const parsed = parseRecommendationItem(raw.body);
    if (!parsed) return;
    out.push({
      item: blankRec(parsed, out.length + 1),
      number: raw.number,
      start: raw.start,
      codes: methodOf(split, index),
    });
  });
  return out;
}

function noteListShape(split: ItemSplit, noun: string, warnings: ParseWarning[]): void {
  const { unnumbered, gaps, items, restarts, jumps } = split;
  if (unnumbered && items.length > 1) {
    warnings.push(
      warning(
        'UNNUMBERED_ITEMS',
        `${noun}未编号，已按段落/句子拆分为 ${items.length} 条，请核对 (unnumbered list split heuristically)`,
      ),
    );
  }
  if (gaps > 0)
    warnings.push(warning('NUMBERING_GAP', `${noun}编号不连续，缺 ${gaps} 个编号 (numbering skips ${gaps})`));
  if (restarts > 0) {
    warnings.push(
      warning(
        'NUMBERING_RESTART',
        `${noun}编号重新从 1 开始 ${restarts} 次，已按顺序接续，请核对 (numbering restarts)`,
      ),
    );
  }
  if (jumps > 0) {
    warnings.push(
      warning(
        'NUMBERING_JUMP',
        `${noun}编号有 ${jumps} 处跳号过多未作为新条目，相关内容并入上一条，请核对 (numbering jumps)`,
      ),
    );
  }
}

/** Interleaved recommendations answer the problem they follow; several for one problem are merged. */
function attachInterleaved(
  split: IssuesSplit,
  problemsLength: number,
  numbered: Array<DraftItem<ParsedFinding>>,
): Array<DraftItem<ParsedRecommendation>> {
  const recs: Array<DraftItem<ParsedRecommendation>> = [];
  const byFinding = new Map<number, ParsedRecommendation>();
  // Anchors and findings are both in text order, so one forward pass pairs them.
  let ownerIndex = -1;
  for (const item of split.interleaved) {
    if (item.anchor > problemsLength) continue;
    while (ownerIndex + 1 < numbered.length && numbered[ownerIndex + 1].start < item.anchor) ownerIndex++;
    const owner = ownerIndex >= 0 ? numbered[ownerIndex] : undefined;
    const parsed = parseRecommendationItem(item.text);
    if (!parsed) continue;
    const existing = owner ? byFinding.get(owner.item.seq) : undefined;
    if (existing) {
      existing.text += `\n${parsed.text}`;
      continue;
    }
    const rec = blankRec(parsed, recs.length + 1);
    recs.push({ item: rec, number: null, start: item.anchor, codes: ['numbered_heading'] });
    if (owner) {
      byFinding.set(owner.item.seq, rec);
      owner.item.recommendationSeq = rec.seq;
    }
  }
  return recs;
}

function renumber(recs: Array<DraftItem<ParsedRecommendation>>): Array<DraftItem<ParsedRecommendation>> {
  return recs.map((r, i) => ({ ...r, item: { ...r.item, seq: i + 1 } }));
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
