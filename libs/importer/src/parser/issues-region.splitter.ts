import { parseOrdinal } from '../text/chinese-numeral.util';
import { HEADING_PHRASES } from './heading-patterns';
import { readLeadingMarker, scanMarkers, type MarkerCandidate, type MarkerFamily } from './marker-scanner';
import { chooseItemFamily } from './numbered-items.splitter';

/** A recommendation written right after its problem ("问题1…建议1…", "…。建议：…"). */
export interface InterleavedRecommendation {
  /** offset in `problemsText` just after the problem it answers */
  anchor: number;
  text: string;
}

export interface IssuesSplit {
  problemsText: string;
  /** the separate recommendations part, null when there is none */
  recsText: string | null;
  /** numbering of the heading that opened the recommendations part ("二、相关建议") */
  recsHeadingMarker: MarkerCandidate | null;
  interleaved: InterleavedRecommendation[];
}

interface RecCue {
  start: number;
  end: number;
  /** "建议2：" carries a number; "相关建议" does not */
  number: number | null;
  marker: MarkerCandidate | null;
}

const HEAD_MARKER =
  '(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十0-9０-９]{1,3}[)）]|[0-9０-９]{1,2}[.．、])?[ \\t]?';
const REC_CUE = new RegExp(
  `${HEAD_MARKER}(?:${HEADING_PHRASES.recs})[ \\t]?(?<num>[0-9０-９]{1,2}(?![0-9０-９])|[一二三四五六七八九十]{1,3})?[ \\t]?(?:[:：]|(?=\\n|$))`,
  'y',
);
const PROBLEM_CUE = /(?:^|\n|[。；;！？!?]\s?)(?:存在的?问题|主要问题|问题描述|问题表现|问题)\s?[:：]/g;
const CLAUSE_END = /[。；;！？!?]/;

/**
 * Separates problems from recommendations inside the "主要问题与建议" part. A recommendation cue
 * either opens the recommendations list (a fresh numbering follows, or nothing problem-like
 * comes after it) or answers the problem before it (the problem numbering resumes afterwards).
 */
export function splitIssues(text: string): IssuesSplit {
  const cues = findRecCues(text);
  const family = chooseItemFamily(scanMarkers(cues.length > 0 ? text.slice(0, cues[0].start) : text));
  const tracker = new NumberTracker(family);
  const result: IssuesSplit = { problemsText: '', recsText: null, recsHeadingMarker: null, interleaved: [] };
  let cursor = 0;
  let interleaving = false;
  for (let k = 0; k < cues.length; k++) {
    const cue = cues[k];
    if (cue.start < cursor) continue;
    appendProblems(result, text.slice(cursor, cue.start), tracker);
    const windowEnd = k + 1 < cues.length ? cues[k + 1].start : text.length;
    const after = text.slice(cue.end, windowEnd);
    const opensList = cue.number === null && opensFreshList(readLeadingMarker(after), family);
    const answersLast = cue.number !== null && cue.number === tracker.last;
    const resumeAt = opensList ? null : findResumption(after, tracker);
    if (!opensList && (answersLast || resumeAt !== null || interleaving)) {
      const recEnd = resumeAt === null ? windowEnd : cue.end + resumeAt;
      const recText = text.slice(cue.end, recEnd).trim();
      if (recText !== '') result.interleaved.push({ anchor: result.problemsText.length, text: recText });
      interleaving = true;
      cursor = recEnd;
      continue;
    }
    result.recsText = cue.number !== null ? text.slice(cue.start) : text.slice(cue.end);
    result.recsHeadingMarker = cue.marker;
    cursor = text.length;
    break;
  }
  appendProblems(result, text.slice(cursor), tracker);
  return result;
}

/**
 * A "1"-numbered start after the cue means a recommendations list begins. "一是" only counts when
 * the problems are themselves 一是 items; otherwise it is the sub-points of one interleaved
 * recommendation ("…。建议：一是…二是…").
 */
function opensFreshList(lead: MarkerCandidate | null, problemFamily: MarkerFamily | null): boolean {
  if (lead === null || lead.value !== 1) return false;
  return lead.family !== 'cn-shi' || problemFamily === 'cn-shi';
}

function appendProblems(result: IssuesSplit, piece: string, tracker: NumberTracker): void {
  if (piece.trim() === '') return;
  tracker.feed(scanMarkers(piece));
  const sep = result.problemsText === '' || result.problemsText.endsWith('\n') ? '' : '\n';
  result.problemsText += sep + piece.replace(/^\n+/, '');
}

function findRecCues(text: string): RecCue[] {
  const cues: RecCue[] = [];
  for (const at of cuePositions(text)) {
    if (cues.length > 0 && at < cues[cues.length - 1].end) continue;
    REC_CUE.lastIndex = at;
    const m = REC_CUE.exec(text);
    if (!m) continue;
    const num = m.groups?.num;
    const marker = readLeadingMarker(m[0]);
    cues.push({
      start: at,
      end: at + m[0].length,
      number: num ? parseOrdinal(num) : null,
      marker: marker && marker.start === 0 && marker.family !== 'label-rec' ? marker : null,
    });
  }
  return cues;
}

/** Where a heading may begin: text start, line starts, and just after a finished clause. */
function cuePositions(text: string): number[] {
  const positions = [0];
  let j = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch !== '\n' && !CLAUSE_END.test(ch)) continue;
    // j only moves forward, so runs of blank lines cost linear time.
    j = Math.max(j, i + 1);
    while (j < text.length && (text[j] === ' ' || text[j] === '\n')) j++;
    if (j < text.length && positions[positions.length - 1] !== j) positions.push(j);
  }
  return positions;
}

/** Offset in `after` where the next problem starts, or null. */
function findResumption(after: string, tracker: NumberTracker): number | null {
  if (tracker.family !== null) {
    for (const c of scanMarkers(after)) if (tracker.accepts(c)) return c.start;
  }
  PROBLEM_CUE.lastIndex = 0;
  const cue = PROBLEM_CUE.exec(after);
  if (!cue) return null;
  const lead = /^[\n。；;！？!?]\s?/.exec(cue[0]);
  return cue.index + (lead ? lead[0].length : 0);
}

/** Follows the problem numbering across the pieces the problems text is built from. */
class NumberTracker {
  last: number | null = null;

  constructor(readonly family: MarkerFamily | null) {}

  accepts(c: MarkerCandidate): boolean {
    if (c.family !== this.family || !c.boundary) return false;
    if (this.last === null) return true;
    return c.value === this.last + 1 || (c.lineStart && c.value > this.last && c.value <= this.last + 3);
  }

  feed(candidates: MarkerCandidate[]): void {
    for (const c of candidates) if (this.accepts(c)) this.last = c.value;
  }
}
