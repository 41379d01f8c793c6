import type { MarkerCandidate, MarkerFamily } from './marker-scanner';

export interface WalkResult {
  accepted: MarkerCandidate[];
  /** numbers skipped by the document (e.g. 1, 2, 4) */
  gaps: number;
  /** times the list started again at 1 on a new line (a page or a new group) */
  restarts: number;
  /** line-start markers of the list's style that were too far from the expected number to accept */
  jumps: number;
}

export interface WalkOptions {
  /** a line-start "1." after at least two items continues the list (items, not sub-points) */
  allowRestart?: boolean;
}

const MIN_ITEMS_BEFORE_RESTART = 2;
const MAX_LINE_GAP = 2;

/**
 * Picks the markers that form one numbered list: same family, each the successor of the last.
 * Requiring succession is what keeps "增长5.4%" or a nested list from splitting an item;
 * a small gap is tolerated only at a line start, where a typo is likelier than a false marker.
 */
export function walkSequence(
  candidates: MarkerCandidate[],
  family: MarkerFamily,
  options: WalkOptions = {},
): WalkResult {
  const accepted: MarkerCandidate[] = [];
  let expected: number | null = null;
  let gaps = 0;
  let restarts = 0;
  let jumps = 0;
  let sinceStart = 0;
  for (const c of candidates) {
    if (c.family !== family || !c.boundary) continue;
    if (expected === null || c.value === expected) {
      accepted.push(c);
      expected = c.value + 1;
      sinceStart++;
    } else if (c.lineStart && c.value > expected && c.value <= expected + MAX_LINE_GAP) {
      gaps += c.value - expected;
      accepted.push(c);
      expected = c.value + 1;
      sinceStart++;
    } else if (
      options.allowRestart &&
      c.lineStart &&
      c.value === 1 &&
      sinceStart >= MIN_ITEMS_BEFORE_RESTART
    ) {
      accepted.push(c);
      expected = 2;
      restarts++;
      sinceStart = 1;
    } else if (c.lineStart && c.value > expected) {
      jumps++;
    }
  }
  return { accepted, gaps, restarts, jumps };
}

/** How many independent lists of this family start in the text (count of boundary "1"s). */
export function countListStarts(candidates: MarkerCandidate[], family: MarkerFamily): number {
  return candidates.filter((c) => c.family === family && c.boundary && c.value === 1).length;
}
