/**
 * Keyword search for Chinese text on MariaDB/MySQL FULLTEXT with the default parser, which splits on spaces and
 * punctuation only (a run of Chinese characters would be one "word") and ignores tokens shorter than
 * innodb_ft_min_token_size (3 by default). So the projection stores every pair of adjacent characters (a bigram)
 * as one token of 8 hex digits (two UTF-16 code units), and a query requires every bigram of its text
 * (`+tok +tok` in BOOLEAN MODE): "预算编制" matches a title containing 预算, 算编 and 编制. Hex tokens are never
 * stopwords, never shorter than the minimum and need no n-gram plugin. A run's last character also gets a token
 * with a zero partner, so a one-character query (`+hex*`, a prefix search) finds characters at the end of a run.
 */
const RUN = /[\p{L}\p{N}]+/gu;
const END = '0000';

const hex = (unit: number): string => unit.toString(16).padStart(4, '0');

/** Runs of letters and digits, width- and case-folded (全角 ２０２３ = 2023, PPP = ppp). */
function runs(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().match(RUN) ?? [];
}

function bigramsOf(run: string): string[] {
  const tokens: string[] = [];
  for (let i = 0; i < run.length; i++)
    tokens.push(hex(run.charCodeAt(i)) + (i + 1 < run.length ? hex(run.charCodeAt(i + 1)) : END));
  return tokens;
}

/** The searchText column for these fields: distinct bigram tokens separated by spaces. */
export function searchText(...fields: (string | null | undefined)[]): string {
  const tokens = new Set<string>();
  for (const field of fields)
    for (const run of runs(field ?? '')) for (const t of bigramsOf(run)) tokens.add(t);
  return [...tokens].join(' ');
}

/** A keyword's terms: whole bigram tokens, and the 4-digit prefixes of one-character words. */
export interface SearchTerms {
  tokens: string[];
  prefixes: string[];
}

/** Null when the keyword has no letter or digit at all (it can match nothing). */
export function searchTerms(keyword: string): SearchTerms | null {
  const tokens = new Set<string>();
  const prefixes = new Set<string>();
  for (const run of runs(keyword)) {
    if (run.length === 1) prefixes.add(hex(run.charCodeAt(0)));
    else for (const t of bigramsOf(run).slice(0, -1)) tokens.add(t);
  }
  return tokens.size + prefixes.size > 0 ? { tokens: [...tokens], prefixes: [...prefixes] } : null;
}

/** The BOOLEAN MODE query requiring these terms (a prefix as `hex*`). */
export function booleanQuery(terms: SearchTerms): string {
  return [...terms.tokens.map((t) => `+${t}`), ...terms.prefixes.map((p) => `+${p}*`)].join(' ');
}

/** The BOOLEAN MODE query for a keyword: every bigram required; a one-character word as a prefix. */
export function searchQuery(keyword: string): string | null {
  const terms = searchTerms(keyword);
  return terms ? booleanQuery(terms) : null;
}
