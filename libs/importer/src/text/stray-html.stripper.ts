import { decodeHtmlEntities } from './html-entities.decoder';

/** Tags that end a visual line in the source document. */
const BREAKING = new Set([
  'p',
  'br',
  'div',
  'li',
  'ul',
  'ol',
  'tr',
  'table',
  'tbody',
  'thead',
  'tfoot',
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
  'hr',
  'center',
  'body',
  'html',
  'head',
  'title',
  'caption',
  'dl',
  'dt',
  'dd',
  'header',
  'footer',
]);
const CELL = new Set(['td', 'th']);
const INLINE = new Set([
  'span',
  'b',
  'i',
  'u',
  's',
  'strong',
  'em',
  'font',
  'a',
  'img',
  'sup',
  'sub',
  'small',
  'big',
  'meta',
  'link',
  'o:p',
  'col',
  'colgroup',
  'label',
  'ins',
  'del',
  'mark',
  'abbr',
  'nobr',
  'wbr',
  'style',
  'script',
  'strike',
]);
const MAX_TAG_LENGTH = 400;

/**
 * Removes HTML that leaked into plain text (e.g. `<p>` pasted from a web form) without treating the
 * document as HTML: tabs and newlines keep their meaning. Only known tag names are touched so
 * that prose like "a<b" is preserved. Hand-written scanner: a regex here would backtrack badly on
 * unterminated tags.
 */
export function stripStrayHtml(text: string): string {
  if (!text.includes('<')) return decodeHtmlEntities(text);
  let out = '';
  let cursor = 0;
  let at = text.indexOf('<');
  while (at !== -1) {
    const tag = readTag(text, at);
    if (tag) {
      out += text.slice(cursor, at);
      if (BREAKING.has(tag.name)) out += '\n';
      else if (CELL.has(tag.name)) out += tag.closing ? '' : '\t';
      cursor = tag.end;
      at = text.indexOf('<', cursor);
    } else {
      at = text.indexOf('<', at + 1);
    }
  }
  out += text.slice(cursor);
  return decodeHtmlEntities(out);
}

interface StrayTag {
  name: string;
  closing: boolean;
  end: number;
}

function readTag(text: string, at: number): StrayTag | null {
  if (text.startsWith('<!--', at)) {
    const close = text.indexOf('-->', at + 4);
    return close === -1 ? null : { name: '!--', closing: false, end: close + 3 };
  }
  let i = at + 1;
  const closing = text[i] === '/';
  if (closing) i++;
  const nameStart = i;
  while (i < text.length && i - nameStart < 12 && /[a-zA-Z0-9:]/.test(text[i])) i++;
  const name = text.slice(nameStart, i).toLowerCase();
  if (!BREAKING.has(name) && !CELL.has(name) && !INLINE.has(name)) return null;
  const next = text[i];
  if (next !== '>' && next !== '/' && next !== ' ' && next !== '\t' && next !== '\n') return null;
  const limit = Math.min(text.length, at + MAX_TAG_LENGTH);
  for (let j = i; j < limit; j++) {
    const ch = text[j];
    if (ch === '>') return { name, closing, end: j + 1 };
    if (ch === '<') return null;
  }
  return null;
}
