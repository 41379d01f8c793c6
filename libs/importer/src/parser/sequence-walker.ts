import type { MarkerCandidate, MarkerFamily } from './marker-scanner';

export interface WalkResult {
  accepted: MarkerCandidate[];
  /** numbers skipped by the document (e.g. 1, 2, 4) */
  gaps: number;
}

/**
 * Picks the markers that form one numbered list: same family, each the successor of the last.
 * Requiring succession is what keeps "增长5.4%" or a nested list from splitting an item;
 * a small gap is tolerated only at a line start, where a typo is likelier than a false marker.
 */
export function walkSequence(candidates: MarkerCandidate[], family: MarkerFamily): WalkResult {
  const accepted: MarkerCandidate[] = [];
  let expected: number | null = null;
  let gaps = 0;
  for (const c of candidates) {
    if (c.family !== family || !c.boundary) continue;
    if (expected === null || c.value === expected) {
      accepted.push(c);
      expected = c.value + 1;
    } else if (c.lineStart && c.value > expected && c.value <= expected + 2) {
      gaps += c.value - expected;
      accepted.push(c);
      expected = c.value + 1;
    }
  }
  return { accepted, gaps };
}

/** How many independent lists of this family start in the text (count of boundary "1"s). */
export function countListStarts(candidates: MarkerCandidate[], family: MarkerFamily): number {
  return candidates.filter((c) => c.family === family && c.boundary && c.value === 1).length;
}
