import { TRADITIONAL_TO_SIMPLIFIED } from './traditional-chars.const';

/** Below this many traditional characters the text is simplified with a stray variant; say nothing. */
const NOTEWORTHY = 5;
const TRADITIONAL = new RegExp(`[${[...TRADITIONAL_TO_SIMPLIFIED.keys()].join('')}]`, 'g');

/**
 * Rewrites traditional characters one for one (offsets are unchanged, so spans found in the
 * result are spans of the input). `noteworthy` tells the caller a warning is due.
 */
export function toSimplified(text: string): { text: string; converted: number; noteworthy: boolean } {
  let converted = 0;
  const out = text.replace(TRADITIONAL, (ch) => {
    converted++;
    return TRADITIONAL_TO_SIMPLIFIED.get(ch) ?? ch;
  });
  return { text: out, converted, noteworthy: converted >= NOTEWORTHY };
}
