import type { SourceSpan } from '../../model/parse-result.types';
import { compactOf, SourceIndex } from './source-index';

export interface Locatable {
  title: string;
  text: string;
}

const START_PROBES = [16, 8, 4];
const END_PROBES = [12, 6, 3];
/** How far past its start an item's end may be looked for, relative to its own length. */
const END_SLACK = 2;
const END_SLACK_MIN = 400;
// The item's own number in front of its title ("1. ", "（一）", "问题一：", "二是").
const MARKER_BEFORE =
  /(?:问题\s?[0-9０-９一二三四五六七八九十百零]{1,7}\s?[：:、.．]?|[（(]\s?[0-9０-９一二三四五六七八九十百零]{1,7}\s?[)）]|[0-9０-９]{1,3}\s?[.．、)）]|[一二三四五六七八九十百零]{1,7}\s?[、.．是]|[\u2460-\u2487])[ \t]*$/;

/**
 * Finds each item's text in the source: the start by its title, the end by the last characters of
 * its text, both in order (an item never starts before the previous one). Null when the title
 * cannot be found (the parser rewrote it, e.g. a header cell).
 */
export function locateSpans(index: SourceIndex, items: Locatable[], from = 0): Array<SourceSpan | null> {
  let cursor = from;
  return items.map((item) => {
    const start = findProbe(index, compactOf(item.title || item.text), cursor);
    if (start === -1) return null;
    cursor = start + 1;
    const body = compactOf(item.text);
    const limit = start + Math.max(END_SLACK_MIN, body.length * END_SLACK);
    let endAt = -1;
    for (const n of END_PROBES) {
      const tail = body.slice(-n);
      const at = tail === '' ? -1 : index.find(tail, start);
      if (at !== -1 && at <= limit) {
        endAt = at + tail.length - 1;
        break;
      }
    }
    if (endAt === -1) endAt = Math.min(index.compact.length - 1, start + body.length - 1);
    return { start: withMarker(index.source, index.sourceOffset(start)), end: index.sourceEnd(endAt) };
  });
}

/** Compact position of the first probe (a prefix of `text`) found at or after `from`. */
function findProbe(index: SourceIndex, text: string, from: number): number {
  for (const n of START_PROBES) {
    const probe = text.slice(0, n);
    if (probe.length === 0) continue;
    const at = index.find(probe, from);
    if (at !== -1) return at;
  }
  return -1;
}

function withMarker(source: string, start: number): number {
  const lineStart = Math.max(source.lastIndexOf('\n', start - 1) + 1, start - 16);
  const m = MARKER_BEFORE.exec(source.slice(lineStart, start));
  return m ? start - m[0].length : start;
}
