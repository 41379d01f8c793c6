/**
 * Pairs problems with recommendations by what they are about, for lists whose counts differ
 * (the positional guess is wrong as soon as one recommendation is missing or added). Similarity is
 * the share of character bigrams two titles have in common: crude, but Chinese administrative
 * prose repeats its key nouns ("培训补贴", "资质审核") between a problem and its remedy.
 */
const MIN_SIMILARITY = 0.12;
const STOP_BIGRAMS = new Set([
  '加强',
  '进一步',
  '建立',
  '完善',
  '健全',
  '部分',
  '存在',
  '问题',
  '不够',
  '有待',
  '提高',
  '规范',
  '严格',
  '项目',
  '管理',
  '工作',
]);

export function bigrams(text: string): Set<string> {
  const chars = Array.from(text.replace(/[^\u4e00-\u9fa5A-Za-z0-9]/g, ''));
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) {
    const pair = chars[i] + chars[i + 1];
    if (!STOP_BIGRAMS.has(pair)) out.add(pair);
  }
  return out;
}

export function similarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / Math.min(a.size, b.size);
}

/**
 * Greedy one-to-one assignment, best pairs first. Returns for each problem the recommendation
 * index or null; null overall when too few pairs are clear to trust the topic over position.
 */
export function pairByTopic(problems: string[], recommendations: string[]): Array<number | null> | null {
  const p = problems.map(bigrams);
  const r = recommendations.map(bigrams);
  const pairs: Array<{ i: number; j: number; s: number }> = [];
  p.forEach((a, i) =>
    r.forEach((b, j) => {
      const s = similarity(a, b);
      if (s >= MIN_SIMILARITY) pairs.push({ i, j, s });
    }),
  );
  pairs.sort((x, y) => y.s - x.s || x.i - y.i || x.j - y.j);
  const result: Array<number | null> = problems.map(() => null);
  const used = new Set<number>();
  for (const { i, j } of pairs) {
    if (result[i] !== null || used.has(j)) continue;
    result[i] = j;
    used.add(j);
  }
  const matched = result.filter((x) => x !== null).length;
  return matched >= Math.ceil(Math.min(problems.length, recommendations.length) / 2) ? result : null;
}
