import { circledValue, parseOrdinal } from '../text/chinese-numeral.util';

/**
 * Numbering styles seen in feedback forms. Styles that readers treat as the same list
 * (`1.` and `1、`) share a family so a sloppy document still forms one sequence.
 */
export type MarkerFamily =
  | 'arabic' // 1.  1、 1．
  | 'arabic-paren' // (1) （1） 1) ⑴
  | 'cn-paren' // （一） (一)
  | 'cn-dun' // 一、
  | 'circled' // ①
  | 'cn-shi' // 一是
  | 'label-problem' // 问题1： 问题一
  | 'label-rec'; // 建议1： 建议一

export interface MarkerCandidate {
  family: MarkerFamily;
  value: number;
  /** index of the first character of the marker */
  start: number;
  /** index just after the marker and its separator */
  end: number;
  /** the marker as written, e.g. "一是", "1.", "（二）" */
  raw: string;
  /** only whitespace between the previous line break (or text start) and the marker */
  lineStart: boolean;
  /** preceded by something that can end a clause, so the marker plausibly starts an item */
  boundary: boolean;
}

// Three digits: a form may list a hundred problems or more ("101、", "（一百零一）").
const NUM = '(?<![0-9０-９])[0-9０-９]{1,3}(?![0-9０-９])';
const CN =
  '(?:[一二三四五六七八九]百(?:[零〇][一二三四五六七八九]|[一二三四五六七八九]?十[一二三四五六七八九]?)?|[一二三四五六七八九十]{1,3})';
// Order matters: labels and parenthesised forms first so "（1）" is not read as "1）".
const MARKER_SOURCE = [
  `(?<label>问题|建议)\\s?(?<labelNum>${NUM}|${CN})\\s?[:：、.．]?`,
  `[（(]\\s?(?<parenNum>${NUM}|${CN})\\s?[)）]`,
  `(?<arabic>${NUM})(?:[.．](?![0-9０-９])|、)`,
  `(?<arabicClose>${NUM})[)）]`,
  `(?<cnDun>${CN})[、.．](?![0-9０-９])`,
  `(?<cnShi>${CN})是`,
  `(?<circled>[\\u2460-\\u2473\\u2474-\\u2487])`,
].join('|');

const CLAUSE_END = new Set([...'。；;！？!?：:']);
const SOFT_END = new Set([...'，,、']);
const CLOSING = new Set([...'”」』）)》']);

export function scanMarkers(text: string): MarkerCandidate[] {
  const found: MarkerCandidate[] = [];
  const re = new RegExp(MARKER_SOURCE, 'g');
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const candidate = toCandidate(text, m);
    if (candidate) found.push(candidate);
    // A marker that cannot start an item may hide a real one inside it ("存在问题一是…").
    if (!candidate?.boundary) re.lastIndex = m.index + 1;
  }
  return found;
}

/** The marker that opens `text`, if any (used for headings such as "二、相关建议"). */
// Compiled once: headings and line starts are tested against it for every line of a document.
const LEADING = new RegExp(MARKER_SOURCE, 'y');

export function readLeadingMarker(text: string): MarkerCandidate | null {
  const re = LEADING;
  re.lastIndex = text.length - text.trimStart().length;
  const m = re.exec(text);
  return m ? toCandidate(text, m) : null;
}

function toCandidate(text: string, m: RegExpExecArray): MarkerCandidate | null {
  const g = m.groups ?? {};
  let family: MarkerFamily;
  let valueText: string;
  if (g.label !== undefined) {
    family = g.label === '问题' ? 'label-problem' : 'label-rec';
    valueText = g.labelNum;
  } else if (g.parenNum !== undefined) {
    family = /[0-9０-９]/.test(g.parenNum) ? 'arabic-paren' : 'cn-paren';
    valueText = g.parenNum;
  } else if (g.arabic !== undefined) {
    family = 'arabic';
    valueText = g.arabic;
  } else if (g.arabicClose !== undefined) {
    family = 'arabic-paren';
    valueText = g.arabicClose;
  } else if (g.cnDun !== undefined) {
    family = 'cn-dun';
    valueText = g.cnDun;
  } else if (g.cnShi !== undefined) {
    family = 'cn-shi';
    valueText = g.cnShi;
  } else {
    const circled = circledValue(g.circled ?? '');
    if (circled === null) return null;
    const isParenDigit = (g.circled ?? '').codePointAt(0)! >= 0x2474;
    return finish(text, m, isParenDigit ? 'arabic-paren' : 'circled', circled);
  }
  const value = parseOrdinal(valueText);
  if (value === null || value < 1) return null;
  return finish(text, m, family, value);
}

function finish(text: string, m: RegExpExecArray, family: MarkerFamily, value: number): MarkerCandidate {
  const start = m.index;
  let end = start + m[0].length;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  const behind = lookBehind(text, start);
  return {
    family,
    value,
    start,
    end,
    raw: m[0].trim(),
    lineStart: behind.lineStart,
    boundary: isBoundary(family, behind),
  };
}

interface LookBehind {
  lineStart: boolean;
  /** nearest non-blank character before the marker */
  previous: string;
  /** whitespace sits between that character and the marker */
  spaced: boolean;
}

function lookBehind(text: string, start: number): LookBehind {
  let i = start - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  if (i < 0 || text[i] === '\n') return { lineStart: true, previous: '', spaced: false };
  return { lineStart: false, previous: text[i], spaced: i !== start - 1 };
}

function isBoundary(family: MarkerFamily, { lineStart, previous: ch, spaced }: LookBehind): boolean {
  if (lineStart || family === 'circled') return true;
  if (CLAUSE_END.has(ch)) return true;
  switch (family) {
    case 'cn-shi':
      return SOFT_END.has(ch) || CLOSING.has(ch) || spaced;
    case 'arabic-paren':
    case 'cn-paren':
      return SOFT_END.has(ch) || spaced;
    default:
      return false;
  }
}
