import { stripStrayHtml } from './stray-html.stripper';

const SPACE_LIKE = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
// \f and \v mark page breaks in text pulled out of PDF/Word; they end a line.
const LINE_BREAKS = /\r\n|[\r\f\v\u2028\u2029\u0085]/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f]/g;

export function normaliseCharacters(text: string): string {
  return text.replace(LINE_BREAKS, '\n').replace(CONTROL, '').replace(INVISIBLE, '').replace(SPACE_LIKE, ' ');
}

export function collapseSpaces(text: string): string {
  return text.replace(/[ \t]+/g, ' ').trim();
}

// Tables copied from rendered pages or PDFs arrive as "a | b | c" instead of TABs.
const PIPE = /[|｜│┃]/g;
const PIPE_CELLS = / ?[|｜│┃] ?/;
const MIN_PIPES_FOR_TABLE = 2;
// Leftover table borders ("|", "———") carry no text.
const ONLY_RULES = /^[|｜│┃\-—_=─━+]+$/;

function cellsOf(line: string): string[] {
  const pipes = line.match(PIPE)?.length ?? 0;
  return pipes >= MIN_PIPES_FOR_TABLE
    ? line.split('\t').flatMap((c) => c.split(PIPE_CELLS))
    : line.split('\t');
}

/**
 * Cuts raw text into segments: one per line, and one per cell of a TAB-separated table row,
 * because label and value cells ("评价机构", "…公司") must never run together. Stray HTML is
 * removed and whitespace collapsed; empty segments are dropped.
 */
export function toSegments(raw: string): string[] {
  const text = normaliseCharacters(stripStrayHtml(normaliseCharacters(raw)));
  const segments: string[] = [];
  for (const line of text.split('\n')) {
    // Space runs are collapsed first so no pattern below ever scans a long run twice.
    for (const cell of cellsOf(line.replace(/ {2,}/g, ' '))) {
      const cleaned = collapseSpaces(cell);
      if (cleaned !== '' && !ONLY_RULES.test(cleaned)) segments.push(cleaned);
    }
  }
  return segments;
}
