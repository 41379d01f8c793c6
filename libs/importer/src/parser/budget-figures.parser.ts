import { toAsciiDigits } from '../text/chinese-numeral.util';

export interface BudgetFigures {
  budget: number | null;
  allocated: number | null;
  spent: number | null;
  executionRate: number | null;
}

const AMOUNT = '([0-9０-９][0-9０-９,]{0,15}(?:[.．][0-9０-９]{1,6})?)\\s*(亿元|万元|元)';
const FILLER = '(?:资金|金额|总额|数)?(?:为|共|共计|合计|总计|总额|安排|批复|达|达到)?\\s*(?:资金)?\\s*';

const BUDGET = new RegExp(`(?:年初预算|预算|总投资|计划投资)${FILLER}${AMOUNT}`);
const ALLOCATED = new RegExp(`(?:到位|下达|拨付|落实)${FILLER}${AMOUNT}`);
const SPENT = new RegExp(`(?:实际支出|实际使用|已支出|累计支出|支出|使用)${FILLER}${AMOUNT}`);
const RATE = /执行率(?:为|达|达到|是)?\s*[:：]?\s*([0-9０-９]{1,3}(?:[.．][0-9０-９]{1,4})?)\s*[%％]/;

/** Amounts are reported in 万元 (the unit every form uses); 元 and 亿元 are converted. */
export function findBudgetFigures(text: string): BudgetFigures {
  return {
    budget: amount(BUDGET.exec(text)),
    allocated: amount(ALLOCATED.exec(text)),
    spent: amount(SPENT.exec(text)),
    executionRate: percent(RATE.exec(text)),
  };
}

function amount(m: RegExpExecArray | null): number | null {
  if (!m) return null;
  const value = Number(toAsciiDigits(m[1]).replace(/[,，]/g, ''));
  if (!Number.isFinite(value)) return null;
  const factor = m[2] === '亿元' ? 10000 : m[2] === '元' ? 0.0001 : 1;
  return round(value * factor, 6);
}

function percent(m: RegExpExecArray | null): number | null {
  if (!m) return null;
  const value = Number(toAsciiDigits(m[1]));
  return Number.isFinite(value) ? value : null;
}

export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export const EXECUTION_RATE_TOLERANCE = 0.05;

/**
 * Checks the stated rate against spent / allocated (or spent / budget, which some bureaus use).
 * Returns the expected rate when neither base explains the stated one, else null.
 */
export function executionRateDiscrepancy(figures: BudgetFigures): number | null {
  const { spent, executionRate } = figures;
  if (spent === null || executionRate === null) return null;
  const bases = [figures.allocated, figures.budget].filter((b): b is number => b !== null && b > 0);
  if (bases.length === 0) return null;
  const expected = bases.map((base) => round((spent / base) * 100, 2));
  return expected.some((e) => Math.abs(e - executionRate) <= EXECUTION_RATE_TOLERANCE) ? null : expected[0];
}
