import type { ValueTransformer } from 'typeorm';

/**
 * mysql2 returns DECIMAL as a string to avoid float rounding. Our DECIMAL columns (scores, 万元 amounts,
 * percentages) have at most 14 significant digits, which a JS number holds exactly, so they are numbers
 * in the entities.
 */
export const decimalTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null || value === undefined ? null : Number(value)),
};
