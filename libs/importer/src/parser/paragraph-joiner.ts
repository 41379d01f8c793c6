import { readLeadingMarker } from './marker-scanner';
import { matchHeading } from './heading-patterns';
import { trimTrailing } from '../text/trim-chars.util';

export interface RegionLine {
  text: string;
  /** the line continues the previous one across a removed page-break label */
  joinWithPrevious: boolean;
}

const SENTENCE_END = new Set([...'。！？!?；;：:….']);
const CLOSERS = '”」』）)】》"\'';
const LABEL_WITH_COLON = /^[\u4e00-\u9fa5]{2,8}[:：]/;
const SHORT_HEADING_MAX = 30;

/**
 * Joins the lines of one region into text: a line broken mid-sentence (by PDF/Word wrapping or a
 * page break) is glued back, while real paragraph breaks stay as "\n" so item and heading
 * detection can still see line starts.
 */
export function joinRegionLines(lines: RegionLine[]): string {
  let out = '';
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k];
    if (k === 0) {
      out = line.text;
      continue;
    }
    out += separatorBefore(lines[k - 1].text, line) + line.text;
  }
  return out;
}

function separatorBefore(previous: string, line: RegionLine): string {
  if (startsNewUnit(line.text)) return '\n';
  if (line.joinWithPrevious || (endsMidSentence(previous) && !isHeadingLine(previous)))
    return glue(previous, line.text);
  return '\n';
}

function startsNewUnit(text: string): boolean {
  return readLeadingMarker(text) !== null || LABEL_WITH_COLON.test(text) || matchHeading(text) !== null;
}

export function endsMidSentence(text: string): boolean {
  const trimmed = trimTrailing(text, CLOSERS);
  if (trimmed === '') return false;
  return !SENTENCE_END.has(trimmed[trimmed.length - 1]);
}

/** "（一）预算编制不细化" on its own line is a heading, not a sentence waiting for its end. */
function isHeadingLine(text: string): boolean {
  if (matchHeading(text) !== null) return true;
  const marker = readLeadingMarker(text);
  if (!marker || marker.family === 'cn-shi' || marker.family === 'circled') return false;
  const rest = text.slice(marker.end);
  return rest.length <= SHORT_HEADING_MAX && !/[，,。；;]/.test(rest);
}

function glue(previous: string, next: string): string {
  return /[A-Za-z0-9]$/.test(previous) && /^[A-Za-z0-9]/.test(next) ? ' ' : '';
}
