import type { ParseWarning } from '../model/parse-result.types';
import { warning } from '../model/warning-codes.const';
import { pairByTopic } from './topic-pairing';

export interface PairingInput {
  /** number as written for each finding, null when unnumbered */
  findingNumbers: Array<number | null>;
  recommendationNumbers: Array<number | null>;
  /** titles, for pairing by topic when the counts differ */
  findingTitles?: string[];
  recommendationTitles?: string[];
}

/** How each finding got its recommendation (feeds the finding's confidence). */
export type PairingMethod = 'number' | 'position' | 'topic' | 'single' | 'none';

export interface PairingResult {
  /** index into the recommendations for each finding, or null */
  recommendationIndex: Array<number | null>;
  methods: PairingMethod[];
  warnings: ParseWarning[];
}

/**
 * Recommendation N answers problem N. Matching explicit numbers is trusted; anything else
 * (unnumbered lists, numbers that do not line up) is a positional guess and says so.
 */
export function pairRecommendations(input: PairingInput): PairingResult {
  const base = pairByNumberOrPosition(input);
  const { findingNumbers, recommendationNumbers, findingTitles, recommendationTitles } = input;
  const nf = findingNumbers.length;
  const nr = recommendationNumbers.length;
  const methods = (index: Array<number | null>, how: PairingMethod): PairingMethod[] =>
    index.map((i) => (i === null ? 'none' : how));
  const how: PairingMethod = base.warnings.some((w) => w.code === 'SINGLE_RECOMMENDATION_FOR_ALL')
    ? 'single'
    : base.warnings.some((w) => w.code === 'PAIRING_BY_POSITION')
      ? 'position'
      : 'number';
  const topicApplies =
    nf !== nr &&
    nf > 1 &&
    nr > 1 &&
    how !== 'single' &&
    findingTitles !== undefined &&
    recommendationTitles !== undefined;
  const topic = topicApplies ? pairByTopic(findingTitles, recommendationTitles) : null;
  if (topic === null || topic.every((t, i) => t === base.recommendationIndex[i])) {
    return { ...base, methods: methods(base.recommendationIndex, how) };
  }
  const guessed = topic.filter((t, i) => t !== null && t !== base.recommendationIndex[i]).length;
  return {
    recommendationIndex: topic,
    methods: topic.map((t, i) => (t === null ? 'none' : t === base.recommendationIndex[i] ? how : 'topic')),
    warnings: [
      ...base.warnings.filter((w) => w.code !== 'PAIRING_BY_POSITION'),
      warning(
        'PAIRING_BY_TOPIC',
        `问题与建议数量不一致，${guessed} 对已按内容相近程度配对，请人工核对 (paired by topic; please review)`,
      ),
    ],
  };
}

function pairByNumberOrPosition({
  findingNumbers,
  recommendationNumbers,
}: PairingInput): Omit<PairingResult, 'methods'> {
  const nf = findingNumbers.length;
  const nr = recommendationNumbers.length;
  const none = (): Array<number | null> => findingNumbers.map(() => null);
  if (nf === 0) {
    return { recommendationIndex: [], warnings: nr > 0 ? [countMismatch(nf, nr)] : [] };
  }
  if (nr === 0) {
    return {
      recommendationIndex: none(),
      warnings: [
        warning('NO_RECOMMENDATIONS', `找到 ${nf} 个问题，但没有整改建议 (no recommendations found)`),
      ],
    };
  }
  if (nr === 1 && nf > 1 && recommendationNumbers[0] === null) {
    return {
      recommendationIndex: findingNumbers.map(() => 0),
      warnings: [
        warning(
          'SINGLE_RECOMMENDATION_FOR_ALL',
          `一条建议对应全部 ${nf} 个问题 (one recommendation covers all problems)`,
        ),
      ],
    };
  }
  const warnings: ParseWarning[] = [];
  if (nf !== nr) warnings.push(countMismatch(nf, nr));
  const allNumbered = [...findingNumbers, ...recommendationNumbers].every((n) => n !== null);
  if (allNumbered) {
    const byNumber = new Map<number, number>();
    recommendationNumbers.forEach((n, i) => {
      if (!byNumber.has(n!)) byNumber.set(n!, i);
    });
    const index = findingNumbers.map((n) => byNumber.get(n!) ?? null);
    const matched = index.filter((i) => i !== null).length;
    if (matched === Math.min(nf, nr)) return { recommendationIndex: index, warnings };
  }
  const index = findingNumbers.map((_, i) => (i < nr ? i : null));
  if (nf > 1 || nr > 1) {
    warnings.push(
      warning(
        'PAIRING_BY_POSITION',
        '问题与建议未按编号对应，已按顺序配对，请人工核对 (paired by position; please review)',
      ),
    );
  }
  return { recommendationIndex: index, warnings };
}

function countMismatch(nf: number, nr: number): ParseWarning {
  return warning(
    'COUNT_MISMATCH',
    `问题 ${nf} 个，建议 ${nr} 条，数量不一致 (problem/recommendation counts differ)`,
  );
}
