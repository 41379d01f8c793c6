/** What every document-kind detector looks at. */
export interface KindInput {
  /** lines and table cells, furniture removed (see `toSegments`) */
  segments: string[];
  /** the text's raw lines, for tables whose rows must stay whole */
  lines: string[];
  /** the first segments joined: title, letterhead, 文号, addressee */
  head: string;
}

const HEAD_SEGMENTS = 8;

export function kindInput(segments: string[], text: string): KindInput {
  return {
    segments,
    lines: text
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== ''),
    head: segments.slice(0, HEAD_SEGMENTS).join('\n'),
  };
}
