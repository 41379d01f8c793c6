/**
 * Minimal, linear-time HTML tokenizer. htmlparser2@12 (the installed version) is ESM-only and
 * cannot be loaded by the Jest/CommonJS setup this repo uses, and mammoth/Word HTML only needs
 * tags, text, comments and raw-text elements, so a small scanner is the safer dependency.
 */
export type HtmlToken =
  | { type: 'text'; text: string }
  | { type: 'open'; name: string; attrs: string; selfClosing: boolean }
  | { type: 'close'; name: string };

const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp']);

export function tokenizeHtml(html: string): HtmlToken[] {
  const tokens: HtmlToken[] = [];
  const lower = html.toLowerCase();
  let i = 0;
  let textStart = 0;
  const flushText = (end: number): void => {
    if (end > textStart) tokens.push({ type: 'text', text: html.slice(textStart, end) });
  };
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt === -1) break;
    const next = html[lt + 1] ?? '';
    if (html.startsWith('<!--', lt)) {
      flushText(lt);
      const close = html.indexOf('-->', lt + 4);
      i = textStart = close === -1 ? html.length : close + 3;
      continue;
    }
    if (next === '!' || next === '?') {
      flushText(lt);
      const close = html.indexOf('>', lt);
      i = textStart = close === -1 ? html.length : close + 1;
      continue;
    }
    const isClose = next === '/';
    const nameStart = lt + (isClose ? 2 : 1);
    if (!/[a-zA-Z]/.test(html[nameStart] ?? '')) {
      i = lt + 1;
      continue;
    }
    const end = findTagEnd(html, nameStart);
    if (end === -1) break; // an unterminated tag: the rest is text
    flushText(lt);
    const inner = html.slice(nameStart, end);
    const nameMatch = /^[a-zA-Z][a-zA-Z0-9:_-]*/.exec(inner);
    const name = (nameMatch ? nameMatch[0] : '').toLowerCase();
    i = textStart = end + 1;
    if (isClose) {
      tokens.push({ type: 'close', name });
      continue;
    }
    const selfClosing = inner.endsWith('/');
    tokens.push({ type: 'open', name, attrs: inner.slice(name.length), selfClosing });
    if (RAW_TEXT.has(name) && !selfClosing) {
      const closeAt = lower.indexOf(`</${name}`, i);
      const rawEnd = closeAt === -1 ? html.length : closeAt;
      if (name === 'textarea' || name === 'title') tokens.push({ type: 'text', text: html.slice(i, rawEnd) });
      const gt = closeAt === -1 ? -1 : html.indexOf('>', closeAt);
      tokens.push({ type: 'close', name });
      i = textStart = gt === -1 ? html.length : gt + 1;
    }
  }
  flushText(html.length);
  return tokens;
}

/** Index of the ">" closing a tag, honouring quoted attribute values; -1 if none. */
function findTagEnd(html: string, from: number): number {
  let quote: string | null = null;
  for (let j = from; j < html.length; j++) {
    const ch = html[j];
    if (quote !== null) {
      if (ch === quote) quote = null;
      else if (ch === '>' && j - from > 2000) return j; // runaway quote: give up on quoting
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === '>') {
      return j;
    }
  }
  return -1;
}
