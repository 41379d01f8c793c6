/**
 * Sizes of the evaluation columns (migration 1764160000000), so that values are checked before MySQL would
 * reject them and fail a whole import or edit.
 */
export const TEXT_LIMITS = {
  title: 500,
  projectName: 500,
  organizer: 255,
  supervisingDepartment: 255,
  projectUnit: 255,
  projectPeriod: 100,
  evaluator: 255,
  evaluationPeriod: 100,
  findingTitle: 500,
  recommendationTitle: 500,
  /** MEDIUMTEXT is 16 MB; 4 bytes per character in utf8mb4 */
  longText: 4_000_000,
} as const;

/** Largest magnitude each DECIMAL column stores: DECIMAL(5,2), DECIMAL(14,2), DECIMAL(6,2). */
export const DECIMAL_MAX = {
  score: 999.99,
  amount: 999_999_999_999.99,
  executionRate: 9999.99,
} as const;
