import type { Grade } from '../model/parse-result.types';

/** National standard bands: 优 ≥ 90, 良 80–89.99, 中 60–79.99, 差 < 60. */
export function gradeForScore(score: number): Grade {
  if (score >= 90) return '优';
  if (score >= 80) return '良';
  if (score >= 60) return '中';
  return '差';
}
