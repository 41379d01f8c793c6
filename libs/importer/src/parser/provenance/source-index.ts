const MAX_TAG = 400;
const LT = 0x3c;
const GT = 0x3e;

function isTagStart(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x2f || code === 0x21;
}

/** Index of the ">" closing a tag opened at `at`, looking no further than MAX_TAG characters. */
function tagEnd(source: string, at: number): number {
  const limit = Math.min(source.length, at + MAX_TAG);
  for (let j = at + 1; j < limit; j++) {
    const code = source.charCodeAt(j);
    if (code === GT) return j;
    if (code === LT) return -1;
  }
  return -1;
}

function isSkipped(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0xad ||
    code === 0x3000 ||
    code === 0xfeff ||
    code === 0x2060 ||
    (code >= 0x2000 && code <= 0x200d) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x85
  );
}

/**
 * The source text without whitespace and HTML tags, with a map back to source offsets. The parser
 * rejoins wrapped lines, collapses spaces and strips tags, so its output is found here rather than
 * in the raw text; every hit is translated back to UTF-16 offsets of the original string.
 */
export class SourceIndex {
  readonly compact: string;
  private readonly offsets: Uint32Array;

  constructor(readonly source: string) {
    const parts: string[] = [];
    const offsets = new Uint32Array(source.length);
    let length = 0;
    let runStart = 0;
    const skip = (from: number, to: number): void => {
      if (from > runStart) parts.push(source.slice(runStart, from));
      runStart = to;
    };
    for (let i = 0; i < source.length; i++) {
      const code = source.charCodeAt(i);
      if (code === LT && isTagStart(source.charCodeAt(i + 1))) {
        const close = tagEnd(source, i);
        if (close !== -1) {
          skip(i, close + 1);
          i = close;
          continue;
        }
      }
      if (isSkipped(code)) {
        skip(i, i + 1);
        continue;
      }
      offsets[length++] = i;
    }
    skip(source.length, source.length);
    this.compact = parts.join('');
    this.offsets = offsets.subarray(0, length);
  }

  /** Source offset of compact position `at` (the source length past the end). */
  sourceOffset(at: number): number {
    return at < this.offsets.length ? this.offsets[at] : this.source.length;
  }

  /** Source offset just after the character at compact position `at`. */
  sourceEnd(at: number): number {
    return at < this.offsets.length ? this.offsets[at] + 1 : this.source.length;
  }

  find(needle: string, from: number): number {
    return needle === '' ? -1 : this.compact.indexOf(needle, from);
  }
}

export function compactOf(text: string): string {
  return text.replace(/\s+/g, '');
}
