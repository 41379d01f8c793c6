/**
 * 屡查屡犯: how alike two findings read. Chinese has no spaces between words, so words are approximated by
 * overlapping character pairs (bigrams); the cosine of the two bigram count vectors is 1 for the same text and
 * falls as wording diverges. Digits, Latin letters, punctuation and spaces are dropped first: a year or a project
 * number changes every time while the problem does not. The threshold is justified by the pairs in the spec.
 */
export const REPEAT_FINDING_THRESHOLD = 0.5;

export function normalizeFinding(text: string): string {
  return text.normalize('NFKC').replace(/[^\p{Script=Han}]/gu, '');
}

export function bigrams(text: string): Map<string, number> {
  const s = normalizeFinding(text);
  const out = new Map<string, number>();
  if (s.length === 1) out.set(s, 1);
  for (let i = 0; i + 1 < s.length; i++) {
    const g = s.slice(i, i + 2);
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

export function findingSimilarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (!x.size || !y.size) return 0;
  let dot = 0;
  for (const [g, n] of x) dot += n * (y.get(g) ?? 0);
  const norm = (m: Map<string, number>) => Math.sqrt([...m.values()].reduce((t, n) => t + n * n, 0));
  return dot / (norm(x) * norm(y));
}

export function isRepeatFinding(a: string, b: string): boolean {
  return findingSimilarity(a, b) >= REPEAT_FINDING_THRESHOLD;
}
