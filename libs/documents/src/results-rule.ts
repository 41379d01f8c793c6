import { ESCALATION_LABELS } from '@rectiflow/contracts';

export const GRADES = ['优', '良', '中', '差'] as const;
export type Grade = (typeof GRADES)[number];
export type RungLevel = 1 | 2 | 3 | 4;

/**
 * The bureau's 结果应用 rule: which budget treatment a department's year suggests. Checked from the harshest
 * down — 调减或取消, then 从严审核/调减, then 优先保障 — and 正常安排 when none applies.
 */
export interface ResultsApplicationRule {
  /** 调减或取消: any evaluation with one of these grades */
  reduce: { label: string; grades: Grade[] };
  /** 从严审核/调减: a grade listed here, or (when on) any item reviewed 未整改, or any item overdue at this rung or above */
  strict: { label: string; grades: Grade[]; onNotRectified: boolean; overdueFromRung: RungLevel | null };
  /** 优先保障: every evaluation graded within these grades and, when required, every item (not cancelled) closed */
  priority: { label: string; grades: Grade[]; requireAllClosed: boolean };
  normal: { label: string };
}

/** Common local practice (issue 12 §3). */
export const DEFAULT_RESULTS_RULE: ResultsApplicationRule = {
  reduce: { label: '调减或取消', grades: ['差'] },
  strict: { label: '从严审核/调减', grades: ['中'], onNotRectified: true, overdueFromRung: 4 },
  priority: { label: '优先保障', grades: ['优', '良'], requireAllClosed: true },
  normal: { label: '正常安排' },
};

const SECTIONS = {
  reduce: { name: '调减或取消规则', keys: ['label', 'grades'] },
  strict: { name: '从严审核规则', keys: ['label', 'grades', 'onNotRectified', 'overdueFromRung'] },
  priority: { name: '优先保障规则', keys: ['label', 'grades', 'requireAllClosed'] },
  normal: { name: '正常安排规则', keys: ['label'] },
} as const;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The first thing wrong with a proposed rule, in Chinese; null when it can be stored. */
export function resultsRuleProblem(rule: unknown): string | null {
  if (!isObject(rule)) return '规则必须是对象';
  for (const key of Object.keys(rule)) if (!(key in SECTIONS)) return `规则含有未知部分「${key}」`;
  const seen = new Map<string, string>();
  for (const [key, section] of Object.entries(SECTIONS)) {
    const part = rule[key];
    if (!isObject(part)) return `缺少${section.name}`;
    for (const k of Object.keys(part))
      if (!(section.keys as readonly string[]).includes(k)) return `${section.name}含有未知字段「${k}」`;
    const label = part.label;
    if (typeof label !== 'string' || !label.trim() || label.trim().length > 20)
      return `${section.name}的处理建议名称必须为1至20个字`;
    if ((section.keys as readonly string[]).includes('grades')) {
      const grades = part.grades;
      if (!Array.isArray(grades)) return `${section.name}的评价等级必须是列表`;
      for (const g of grades) {
        if (!(GRADES as readonly unknown[]).includes(g))
          return `${section.name}的评价等级「${String(g)}」无效，只能是优、良、中、差`;
        const other = seen.get(g as string);
        if (other) return `评价等级「${String(g)}」同时出现在${other}和${section.name}中`;
        seen.set(g as string, section.name);
      }
    }
  }
  const strict = rule.strict as Record<string, unknown>;
  const priority = rule.priority as Record<string, unknown>;
  if (typeof strict.onNotRectified !== 'boolean') return '从严审核规则的「未整改即从严」必须是是/否';
  const rung = strict.overdueFromRung;
  if (rung !== null && !(Number.isInteger(rung) && (rung as number) >= 1 && (rung as number) <= 4))
    return '从严审核规则的逾期督办级别必须是1（提醒函）至4（通报），或不设（null）';
  if (typeof priority.requireAllClosed !== 'boolean') return '优先保障规则的「须全部销号」必须是是/否';
  if (!(priority.grades as unknown[]).length) return '优先保障规则至少要有一个评价等级';
  return null;
}

/** A department's year as the rule reads it. */
export interface TreatmentFacts {
  grades: (string | null)[];
  /** items not cancelled */
  due: number;
  closed: number;
  notRectified: number;
  /** open items overdue whose highest rung reached is at least the given level, by level */
  overdueAtRung: (level: RungLevel) => number;
}

export interface Treatment {
  treatment: string;
  reasons: string[];
}

const gradeList = (grades: readonly string[]) => grades.map((g) => `「${g}」`).join('、');

/** The suggested treatment and every reason that led to it (Chinese, as printed). */
export function suggestTreatment(rule: ResultsApplicationRule, f: TreatmentFacts): Treatment {
  const graded = f.grades.filter((g): g is string => g !== null);
  const hit = (grades: readonly string[]) => [...new Set(graded.filter((g) => grades.includes(g)))];
  const reduce = hit(rule.reduce.grades);
  if (reduce.length) return { treatment: rule.reduce.label, reasons: [`评价等级为${gradeList(reduce)}`] };
  const reasons: string[] = [];
  const strictGrades = hit(rule.strict.grades);
  if (strictGrades.length) reasons.push(`评价等级为${gradeList(strictGrades)}`);
  if (rule.strict.onNotRectified && f.notRectified > 0) reasons.push(`${f.notRectified}个问题认定为未整改`);
  const rung = rule.strict.overdueFromRung;
  if (rung !== null && f.overdueAtRung(rung) > 0)
    reasons.push(`${f.overdueAtRung(rung)}个问题逾期且已升级至${ESCALATION_LABELS[rung]}及以上`);
  if (reasons.length) return { treatment: rule.strict.label, reasons };
  const allGood =
    graded.length > 0 &&
    graded.length === f.grades.length &&
    hit(rule.priority.grades).length > 0 &&
    graded.every((g) => rule.priority.grades.includes(g as Grade));
  const allClosed = f.closed === f.due;
  if (allGood && (!rule.priority.requireAllClosed || allClosed)) {
    const why = [`评价等级均为${gradeList(hit(rule.priority.grades))}`];
    if (rule.priority.requireAllClosed) why.push(f.due ? `${f.due}个问题全部销号` : '无需整改的问题');
    return { treatment: rule.priority.label, reasons: why };
  }
  const why: string[] = [];
  if (!graded.length) why.push('本年度无已评定等级的评价');
  else if (!allGood) why.push(`评价等级为${gradeList([...new Set(graded)])}，不全在优先保障等级内`);
  if (allGood && !allClosed) why.push(`尚有${f.due - f.closed}个问题未销号`);
  return { treatment: rule.normal.label, reasons: why };
}
