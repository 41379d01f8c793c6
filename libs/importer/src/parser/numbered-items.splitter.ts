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
  restarts: number;
  jumps: number;
  /** the first item had no number of its own ("…，二是…") */
  leadItem: boolean;
  /** items were read from numbered lists under category headings ("（一）预算执行方面") */
  grouped?: boolean;
}

export type ItemKind = 'problems' | 'recs';

/** Families that can form items only if they do not restart (otherwise they are sub-points). */
const INLINE_FAMILIES = new Set<MarkerFamily>(['cn-shi', 'circled']);

/**
 * Chooses the numbering that separates items: the first marker at a line start, else the first
 * marker after a clause boundary. "一是" or "①" lists that restart inside the text are sub-points
 * of unnumbered paragraphs, not items.
 */
export function chooseItemFamily(
  candidates: MarkerCandidate[],
  kind: ItemKind = 'problems',
): MarkerFamily | null {
  // "建议一：" numbers recommendations; among problems it is an interleaved recommendation.
  const usable = candidates.filter((c) => c.boundary && (kind === 'recs' || c.family !== 'label-rec'));
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
  const family = chooseItemFamily(candidates, kind);
  if (family !== null) {
    const { accepted, gaps, restarts, jumps } = walkSequence(candidates, family, {
      allowRestart: !INLINE_FAMILIES.has(family),
    });
    if (accepted.length > 0) {
      const items: RawItem[] = accepted.map((marker, i) => {
        const end = i + 1 < accepted.length ? accepted[i + 1].start : text.length;
        return { number: marker.value, body: text.slice(marker.end, end), start: marker.start, end };
      });
      const lead = unnumberedLead(text, accepted[0]);
      if (lead) items.unshift(lead);
      return { items, family, unnumbered: false, gaps, restarts, jumps, leadItem: lead !== null };
    }
  }
  return {
    items: splitUnnumbered(text, kind, expectedCount),
    family: null,
    unnumbered: true,
    gaps: 0,
    restarts: 0,
    jumps: 0,
    leadItem: false,
  };
}

const LEAD_MIN = 4;

/**
 * "送戏下乡安排不够合理，二是…，三是…": the list starts with "二是", so the clause before it is
 * item 1 written without its "一是". Only inline 一是 lists do this; a lead before "2." is an intro.
 */
function unnumberedLead(text: string, first: MarkerCandidate): RawItem | null {
  if (first.family !== 'cn-shi' || first.value !== 2) return null;
  const lineStart = text.lastIndexOf('\n', first.start - 1) + 1;
  const body = text.slice(lineStart, first.start);
  const bare = body.replace(/[\s，,；;。]/g, '');
  if (bare.length < LEAD_MIN || /[:：]\s*$/.test(body)) return null;
  return { number: 1, body, start: lineStart, end: first.start };
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
  /^(?:暂无|无|没有|未发现|未见|未发现有|不存在)(?:明显|重大|突出|主要|其他|其它|相关)?的?(?:问题|建议|意见|不足)?$/;
/** Lead-in clauses that say nothing about a problem ("经评价，项目运转正常，暂无问题"). */
const NEUTRAL_CLAUSE = /^(?:经|通过|根据|本次|项目|整体|总体|各项|目前|截至|从)[^不未缺差低滞欠违漏]{0,20}$/;
const NONE_MAX = 40;

/** "暂无" / "无" / "未发现明显问题" / "经自查，未发现问题" in place of a list. */
export function isNoneDeclared(text: string): boolean {
  const bare = text.replace(/[\s。．.！!:：“”"（）()]/g, '');
  if (bare.length === 0 || bare.length > NONE_MAX) return false;
  const clauses = bare.split(/[，,；;、]/).filter((c) => c !== '');
  if (clauses.length === 0 || !NONE_DECLARED.test(clauses[clauses.length - 1])) return false;
  return clauses
    .slice(0, -1)
    .every(
      (c) => (NEUTRAL_CLAUSE.test(c) || /正常|良好|规范|有序/.test(c)) && !/[不未缺差低滞欠违漏]/.test(c),
    );
}
