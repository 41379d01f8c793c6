import { scanMarkers, type MarkerCandidate, type MarkerFamily } from './marker-scanner';
import { countListStarts, walkSequence } from './sequence-walker';

export interface RawItem {
  /** number as written in the document, null when the list is not numbered */
  number: number | null;
  body: string;
  /** span of the item (marker included) in the text it was split from */
  start: number;
  end: number;
}

export interface ItemSplit {
  items: RawItem[];
  family: MarkerFamily | null;
  /** items were separated by paragraphs/sentences because the list has no numbering */
  unnumbered: boolean;
  gaps: number;
}

export type ItemKind = 'problems' | 'recs';

/** Families that can form items only if they do not restart (otherwise they are sub-points). */
const INLINE_FAMILIES = new Set<MarkerFamily>(['cn-shi', 'circled']);

/**
 * Chooses the numbering that separates items: the first marker at a line start, else the first
 * marker after a clause boundary. "一是" or "①" lists that restart inside the text are sub-points
 * of unnumbered paragraphs, not items.
 */
export function chooseItemFamily(candidates: MarkerCandidate[]): MarkerFamily | null {
  const usable = candidates.filter((c) => c.boundary && c.family !== 'label-rec');
  const ordered = [...usable.filter((c) => c.lineStart), ...usable.filter((c) => !c.lineStart)];
  const restarts = new Map<MarkerFamily, boolean>();
  for (const family of INLINE_FAMILIES) restarts.set(family, countListStarts(candidates, family) > 1);
  return ordered.find((c) => !restarts.get(c.family))?.family ?? null;
}

/**
 * @param expectedCount for recommendations: how many problems there are. An unnumbered single
 *   paragraph is split into sentences or "；" clauses only when that yields exactly one per problem.
 */
export function splitItems(text: string, kind: ItemKind, expectedCount = 0): ItemSplit {
  const candidates = scanMarkers(text);
  const family = chooseItemFamily(candidates);
  if (family !== null) {
    const { accepted, gaps } = walkSequence(candidates, family);
    if (accepted.length > 0) {
      const items = accepted.map((marker, i) => {
        const end = i + 1 < accepted.length ? accepted[i + 1].start : text.length;
        return { number: marker.value, body: text.slice(marker.end, end), start: marker.start, end };
      });
      return { items, family, unnumbered: false, gaps };
    }
  }
  return { items: splitUnnumbered(text, kind, expectedCount), family: null, unnumbered: true, gaps: 0 };
}

const INTRO_PARAGRAPH = /[:：]$/;
const INTRO_PREFIX = /^[^。；;\n]{0,40}?(?:问题|如下|以下|方面|不足|建议|措施)[:：]/;

/**
 * Without numbering, one paragraph is one item. A single paragraph of problems is cut into
 * sentences (or "；" clauses), because that is how such forms list several problems; a single
 * recommendation paragraph stays whole (it usually covers everything) unless it splits into
 * exactly one clause per problem.
 */
function splitUnnumbered(text: string, kind: ItemKind, expectedCount: number): RawItem[] {
  let paragraphs = spans(text, /\n/g).filter((p) => p.body.trim() !== '');
  if (paragraphs.length > 1) {
    paragraphs = paragraphs.filter(
      (p, i) => i === paragraphs.length - 1 || !INTRO_PARAGRAPH.test(p.body.trim()),
    );
  }
  if (paragraphs.length !== 1) return paragraphs;
  const only = paragraphs[0];
  const intro = INTRO_PREFIX.exec(only.body);
  const offset = only.start + (intro ? intro[0].length : 0);
  const body = intro ? only.body.slice(intro[0].length) : only.body;
  for (const separator of [/(?<=[。！？!?])|(?<=\.)(?![0-9])/g, /(?<=[；;])/g]) {
    const parts = spans(body, separator).filter((p) => p.body.replace(/[\s。！？!?；;，,]/g, '') !== '');
    const wanted =
      kind === 'problems' ? parts.length > 1 : expectedCount > 1 && parts.length === expectedCount;
    if (wanted) return parts.map((p) => ({ ...p, start: p.start + offset, end: p.end + offset }));
  }
  return kind === 'recs' ? [only] : [{ number: null, body, start: offset, end: offset + body.length }];
}

function spans(text: string, separator: RegExp): RawItem[] {
  const out: RawItem[] = [];
  let start = 0;
  for (const m of text.matchAll(separator)) {
    const end = m.index;
    out.push({ number: null, body: text.slice(start, end), start, end });
    start = end + m[0].length;
  }
  out.push({ number: null, body: text.slice(start), start, end: text.length });
  return out;
}

const NONE_DECLARED =
  /^(?:暂无|无|没有|未发现|未见)(?:明显|重大|突出|主要|其他)?的?(?:问题|建议|意见|不足)?$/;

/** "暂无" / "无" / "未发现明显问题" in place of a list. */
export function isNoneDeclared(text: string): boolean {
  const bare = text.replace(/[\s。．.，,；;！!、:：“”"（）()]/g, '');
  return bare.length > 0 && bare.length <= 12 && NONE_DECLARED.test(bare);
}
