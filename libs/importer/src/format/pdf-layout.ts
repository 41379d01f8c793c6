/** One text run as pdf.js reports it: baseline origin (PDF units, y grows upwards), advance width, height. */
export interface PdfTextItem {
  s: string;
  x: number;
  y: number;
  w: number;
  h: number;
  eol: boolean;
}

/** A horizontal gap wider than this many font heights separates table cells (written as a TAB). */
const CELL_GAP_EM = 0.75;
/** A gap wider than this (but not a cell gap) is a word space between Latin words or numbers. */
const WORD_GAP_EM = 0.2;
/**
 * Beside a Chinese character only a wider gap is a space: writers (Word, LibreOffice) set a little room between
 * Chinese and Latin/digits ("2023 年") that is not in the text; between two Chinese characters never a space.
 */
const CJK_GAP_EM = 0.6;
/** Runs whose baselines differ by less than this share a line (superscripts, mixed fonts). */
const SAME_LINE_EM = 0.45;

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

/**
 * Text items of one page → lines in reading order: sorted top to bottom by baseline, then left to right; a
 * wide gap inside a line (a table's column boundary) becomes a TAB, so cells stay apart as they do in text
 * copied out of Word. Runs pdf.js reports in content-stream order (which for generated PDFs is often column by
 * column, or header after body) are thereby put back in the order a reader sees them.
 */
export function layoutPage(items: readonly PdfTextItem[]): string[] {
  const runs = items.filter((i) => i.s !== '' && Number.isFinite(i.x) && Number.isFinite(i.y));
  // Height 0 happens for some Type3 fonts: fall back to the page's typical height.
  const typical = medianOf(runs.map((r) => r.h).filter((h) => h > 0)) || 10;
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: PdfTextItem[][] = [];
  let current: PdfTextItem[] = [];
  let lineY = Number.NaN;
  for (const run of sorted) {
    const h = run.h > 0 ? run.h : typical;
    if (current.length && Math.abs(run.y - lineY) <= h * SAME_LINE_EM) {
      current.push(run);
    } else {
      if (current.length) lines.push(current);
      current = [run];
      lineY = run.y;
    }
  }
  if (current.length) lines.push(current);
  return lines.map((line) => joinLine(line, typical)).filter((l) => l.trim() !== '');
}

function joinLine(line: PdfTextItem[], typical: number): string {
  const runs = [...line].sort((a, b) => a.x - b.x);
  let out = '';
  let end = Number.NaN;
  for (const run of runs) {
    const text = run.s;
    // pdf.js inserts space runs where it sees a gap; the gap itself is measured below, so they are skipped.
    if (text.trim() === '') continue;
    if (out !== '') {
      const em = run.h > 0 ? run.h : typical;
      const gap = run.x - end;
      if (gap > em * CELL_GAP_EM) out = `${out.replace(/ +$/, '')}\t`;
      else if (gap > em * spaceGap(out, text) && !/[ \t]$/.test(out)) out += ' ';
    }
    out += text;
    end = Math.max(Number.isNaN(end) ? -Infinity : end, run.x + Math.max(0, run.w));
  }
  return dropCjkSpaces(out).replace(/[ \t]+$/, '');
}

const CJK_SPACE =
  /([\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]) (?=[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f0-9A-Za-z%])|([0-9A-Za-z%]) (?=[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f])/g;

/**
 * pdf.js writes a space into a run wherever glyphs are set apart, and writers set Chinese apart from digits and
 * Latin ("2023 年"): such a single space beside a Chinese character is layout, not text, and is dropped.
 */
export function dropCjkSpaces(line: string): string {
  return line.replace(CJK_SPACE, '$1$2');
}

function spaceGap(before: string, after: string): number {
  const a = CJK.test(before.slice(-1));
  const b = CJK.test(after.charAt(0));
  if (a && b) return Infinity;
  return a || b ? CJK_GAP_EM : WORD_GAP_EM;
}

function medianOf(values: number[]): number {
  if (!values.length) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Pages → one text: lines joined by newlines, each page break a newline too (a blank line). */
export function layoutDocument(pages: readonly (readonly PdfTextItem[])[]): string {
  return pages
    .map((items) => layoutPage(items).join('\n'))
    .filter((p) => p !== '')
    .join('\n\n');
}

/** Characters that carry meaning (not whitespace), to tell a text layer from a scan with stray marks. */
export function meaningfulChars(text: string): number {
  return text.replace(/\s+/g, '').length;
}
