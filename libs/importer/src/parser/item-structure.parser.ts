import type { ParsedPoint } from '../model/parse-result.types';
import { scanMarkers, type MarkerCandidate, type MarkerFamily } from './marker-scanner';
import { walkSequence } from './sequence-walker';
import { trimTrailing } from '../text/trim-chars.util';

export interface ItemStructure {
  title: string;
  text: string;
  points: ParsedPoint[];
}

const TITLE_MAX = 200;
// A half-width "." ends a sentence in mixed-width text, but not inside "5.4%".
const TITLE_STOP = /[。！？!?；;\n]|\.(?![0-9])/;
const SEPARATORS = '，,；;、：:.';
const SOFT_SEPARATORS = '，,；;、';
// "存在问题：…" / "建议：…" labels in interleaved layouts are scaffolding, not content.
const LEADING_LABEL =
  /^(?:存在的?问题|主要问题|问题描述|问题表现|问题|(?:整改|改进|相关|意见)?建议)\s?[:：]\s*/;
const SUB_LIST_PARENTS = new Set<MarkerFamily>(['cn-paren', 'cn-dun', 'label-problem']);

export function cleanItemText(body: string): string {
  return trimTrailing(body.trim().replace(LEADING_LABEL, ''), SOFT_SEPARATORS).trim();
}

/**
 * Title, text and sub-points of one problem. Sub-points are the 一是/二是 clauses (or a numbered
 * sub-list under a "（一）" item); details are the ①②③ entries inside a sub-point. A problem with
 * details but no 一是 gets a single point labelled '' holding those details.
 */
export function parseFindingItem(body: string, itemFamily: MarkerFamily | null): ItemStructure | null {
  const text = cleanItemText(body);
  if (text === '') return null;
  const candidates = scanMarkers(text);
  const pointMarkers = pickPointMarkers(candidates, itemFamily);
  const detailFamily = pickDetailFamily(candidates, itemFamily, pointMarkers[0]?.family ?? null);
  const firstDetail = detailFamily ? walkSequence(candidates, detailFamily).accepted[0] : undefined;
  const leadEnd = Math.min(pointMarkers[0]?.start ?? text.length, firstDetail?.start ?? text.length);
  const title = extractTitle(text, leadEnd);
  let points: ParsedPoint[] = [];
  if (pointMarkers.length > 0) {
    points = pointMarkers.map((marker, i) => {
      const slice = text.slice(marker.end, pointMarkers[i + 1]?.start ?? text.length);
      return { label: marker.raw, ...splitDetails(slice, detailFamily) };
    });
  } else if (firstDetail && detailFamily) {
    const afterTitle = skipTitle(text, leadEnd);
    const lead = trimTrailing(text.slice(afterTitle, firstDetail.start), SOFT_SEPARATORS).trim();
    points = [
      { label: '', text: lead, details: splitDetails(text.slice(firstDetail.start), detailFamily).details },
    ];
  }
  return { title: title || fallbackTitle(text), text, points };
}

export function parseRecommendationItem(body: string): { title: string; text: string } | null {
  const text = cleanItemText(body);
  if (text === '') return null;
  const candidates = scanMarkers(text);
  const firstPoint = walkSequence(candidates, 'cn-shi').accepted[0];
  const title = extractTitle(text, firstPoint?.start ?? text.length);
  return { title: title || fallbackTitle(text), text };
}

function pickPointMarkers(candidates: MarkerCandidate[], itemFamily: MarkerFamily | null): MarkerCandidate[] {
  if (itemFamily !== 'cn-shi') {
    const shi = walkSequence(candidates, 'cn-shi').accepted;
    if (shi.length > 0) return shi;
  }
  if (itemFamily !== null && SUB_LIST_PARENTS.has(itemFamily)) {
    const sub = walkSequence(candidates, 'arabic').accepted;
    if (sub.length > 1) return sub;
  }
  return [];
}

function pickDetailFamily(
  candidates: MarkerCandidate[],
  itemFamily: MarkerFamily | null,
  pointFamily: MarkerFamily | null,
): MarkerFamily | null {
  if (itemFamily !== 'circled' && candidates.some((c) => c.family === 'circled')) return 'circled';
  if (itemFamily === 'arabic-paren' || pointFamily === 'arabic-paren') return null;
  return walkSequence(candidates, 'arabic-paren').accepted.length > 1 ? 'arabic-paren' : null;
}

function splitDetails(slice: string, family: MarkerFamily | null): { text: string; details: string[] } {
  const markers = family ? walkSequence(scanMarkers(slice), family).accepted : [];
  if (markers.length === 0) return { text: trimTrailing(slice, SOFT_SEPARATORS).trim(), details: [] };
  const details = markers
    .map((m, i) =>
      trimTrailing(slice.slice(m.end, markers[i + 1]?.start ?? slice.length), SOFT_SEPARATORS).trim(),
    )
    .filter((d) => d !== '');
  return { text: trimTrailing(slice.slice(0, markers[0].start), SOFT_SEPARATORS).trim(), details };
}

/** The heading sentence: up to the first full stop (or line end, "；", or the first sub-point). */
function extractTitle(text: string, leadEnd: number): string {
  const lead = text.slice(0, leadEnd);
  const stop = lead.search(TITLE_STOP);
  const title = trimTrailing(stop === -1 ? lead : lead.slice(0, stop), SEPARATORS).trim();
  return cap(title);
}

/** Index just after the title sentence and its terminator. */
function skipTitle(text: string, leadEnd: number): number {
  const stop = text.slice(0, leadEnd).search(TITLE_STOP);
  return stop === -1 ? leadEnd : stop + 1;
}

/** For items that open directly with a sub-point ("3. 一是…"): first clause without markers. */
function fallbackTitle(text: string): string {
  const unmarked = text.replace(
    /^[\s]*(?:[一二三四五六七八九十]{1,3}是|[\u2460-\u2487]|[（(][0-9一二三四五六七八九十]{1,3}[)）])\s*/,
    '',
  );
  const stop = unmarked.search(TITLE_STOP);
  const title = trimTrailing(stop === -1 ? unmarked : unmarked.slice(0, stop), SEPARATORS).trim();
  return cap(title || text.replace(/\s+/g, ' ').trim());
}

function cap(title: string): string {
  const chars = Array.from(title);
  return chars.length > TITLE_MAX ? chars.slice(0, TITLE_MAX).join('') : title;
}
