import { decodeHtmlEntities } from '../text/html-entities.decoder';
import { tokenizeHtml } from './html-tokenizer';
import { trimTrailing } from '../text/trim-chars.util';

const BLOCK = new Set([
  'p',
  'div',
  'li',
  'ul',
  'ol',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'section',
  'article',
  'blockquote',
  'pre',
  'header',
  'footer',
  'center',
  'dl',
  'dt',
  'dd',
  'caption',
  'address',
  'figure',
  'figcaption',
  'main',
  'nav',
  'aside',
  'form',
  'fieldset',
  'legend',
  'hr',
  'body',
  'html',
  'table',
  'tbody',
  'thead',
  'tfoot',
]);
const SKIPPED = new Set([
  'script',
  'style',
  'head',
  'noscript',
  'template',
  'svg',
  'object',
  'iframe',
  'xmp',
]);

/**
 * Renders HTML as the plain text the parser expects: table cells separated by a TAB, rows and
 * paragraphs by a newline (the same shape as text copied out of Word), so "评价机构 | …公司"
 * never runs together.
 */
export function htmlToText(html: string): string {
  const out = new TextSink();
  let skipDepth = 0;
  let preDepth = 0;
  for (const token of tokenizeHtml(html)) {
    if (token.type === 'open') {
      if (SKIPPED.has(token.name) && !token.selfClosing) skipDepth++;
      if (skipDepth > 0) continue;
      if (token.name === 'br') out.lineBreak();
      else if (token.name === 'tr') out.startRow();
      else if (token.name === 'td' || token.name === 'th') out.startCell();
      else if (BLOCK.has(token.name)) out.blockBoundary();
      if (token.name === 'pre') preDepth++;
    } else if (token.type === 'close') {
      if (SKIPPED.has(token.name)) {
        skipDepth = Math.max(0, skipDepth - 1);
        continue;
      }
      if (skipDepth > 0) continue;
      if (token.name === 'tr' || token.name === 'table') out.endRow();
      else if (token.name === 'td' || token.name === 'th') out.endCell();
      else if (BLOCK.has(token.name)) out.blockBoundary();
      if (token.name === 'pre') preDepth = Math.max(0, preDepth - 1);
    } else if (skipDepth === 0) {
      out.text(decodeHtmlEntities(token.text), preDepth > 0);
    }
  }
  return out.toString();
}

/** Accumulates text with pending separators so empty paragraphs and cells leave no blank lines. */
class TextSink {
  private readonly lines: string[] = [];
  private current = '';
  private pending: 'none' | 'space' | 'newline' = 'none';
  private cellsInRow = 0;
  private cellHasText = false;
  private inCell = false;

  text(raw: string, preformatted: boolean): void {
    const parts = preformatted ? raw.split('\n') : [raw.replace(/[ \t\r\n\f]+/g, ' ')];
    parts.forEach((part, i) => {
      if (i > 0) this.pending = 'newline';
      this.write(part);
    });
  }

  lineBreak(): void {
    this.pending = 'newline';
    if (this.inCell && !this.cellHasText) this.pending = 'none';
  }

  blockBoundary(): void {
    // The first paragraph of a cell must not push the cell onto its own line.
    if (this.inCell && !this.cellHasText) return;
    this.pending = 'newline';
  }

  startRow(): void {
    this.newLine();
    this.cellsInRow = 0;
  }

  endRow(): void {
    this.inCell = false;
    this.newLine();
    this.cellsInRow = 0;
  }

  startCell(): void {
    if (this.cellsInRow > 0) {
      this.current += '\t';
    } else {
      this.newLine();
    }
    this.pending = 'none';
    this.cellsInRow++;
    this.inCell = true;
    this.cellHasText = false;
  }

  endCell(): void {
    this.pending = 'none';
    this.inCell = false;
  }

  toString(): string {
    this.newLine();
    return this.lines
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
  }

  private write(part: string): void {
    const core = part.trim();
    if (core === '') {
      if (part !== '' && this.pending === 'none') this.pending = 'space';
      return;
    }
    if (part.startsWith(' ') && this.pending === 'none') this.pending = 'space';
    if (this.pending === 'newline') this.newLine();
    else if (this.pending === 'space' && this.current !== '' && !/[ \t]$/.test(this.current))
      this.current += ' ';
    this.current += core;
    this.pending = part.endsWith(' ') ? 'space' : 'none';
    if (this.inCell) this.cellHasText = true;
  }

  private newLine(): void {
    const line = trimTrailing(this.current, '');
    if (line.trim() !== '') this.lines.push(line);
    this.current = '';
    this.pending = 'none';
  }
}
