import type { Grade } from '../model/parse-result.types';
import { toAsciiDigits } from '../text/chinese-numeral.util';
import { trimTrailing } from '../text/trim-chars.util';

export type HeaderField =
  | 'organizer'
  | 'supervisingDepartment'
  | 'projectUnit'
  | 'projectPeriod'
  | 'evaluator'
  | 'evaluationPeriod'
  | 'score'
  | 'grade'
  | 'projectName';

export const HEADER_FIELD_LABELS: Record<HeaderField, string> = {
  organizer: '评价组织机构',
  supervisingDepartment: '项目主管部门',
  projectUnit: '项目单位名称',
  projectPeriod: '项目起止时间',
  evaluator: '评价机构',
  evaluationPeriod: '评价时间',
  score: '评价分值',
  grade: '评价结论',
  projectName: '项目名称',
};

const ALIASES: Record<HeaderField, string[]> = {
  organizer: [
    '评价组织机构',
    '评价组织单位',
    '评价组织部门',
    '组织评价单位',
    '评价委托单位',
    '委托单位',
    '组织机构',
  ],
  supervisingDepartment: ['项目主管部门', '项目主管单位', '主管部门', '主管单位'],
  projectUnit: ['项目单位名称', '项目实施单位', '项目单位', '实施单位', '项目承担单位'],
  projectPeriod: [
    '项目起止时间',
    '项目实施期间',
    '项目实施时间',
    '项目实施周期',
    '项目起止日期',
    '项目期间',
    '项目周期',
    '起止时间',
  ],
  evaluator: ['第三方评价机构', '评价机构名称', '评价机构', '第三方机构', '评价单位'],
  evaluationPeriod: ['评价时间', '评价期间', '评价工作时间', '评价日期'],
  score: [
    '评价分值',
    '评价得分',
    '自评得分',
    '自评总分',
    '自评分值',
    '综合得分',
    '综合评分',
    '评价总分',
    '总得分',
    '评价分数',
    '最终得分',
  ],
  grade: [
    '评价结论',
    '评价等级',
    '自评等级',
    '自评结论',
    '自评结果',
    '绩效等级',
    '综合评价等级',
    '评价结果',
    '评价级别',
  ],
  projectName: ['项目名称'],
};

const ENTRIES = (Object.entries(ALIASES) as Array<[HeaderField, string[]]>)
  .flatMap(([field, names]) => names.map((name) => ({ field, name })))
  .sort((a, b) => b.name.length - a.name.length);
const LABEL_RE = new RegExp(ENTRIES.map((e) => e.name).join('|'), 'g');
const FIELD_BY_NAME = new Map(ENTRIES.map((e) => [e.name, e.field]));
const LABEL_BOUNDARY_BEFORE = /[\s，,；;|｜:：]/;
const LABEL_BOUNDARY_AFTER = /[\s:：]/;
const MAX_VALUE_LENGTH = 100;

export interface LabelHit {
  field: HeaderField;
  start: number;
  end: number;
}

/** Labels that start a cell or follow a separator; labels inside prose are not header cells. */
export function findHeaderLabels(line: string): LabelHit[] {
  const hits: LabelHit[] = [];
  LABEL_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = LABEL_RE.exec(line)) !== null) {
    const start = m.index;
    const end = start + m[0].length;
    const before = start === 0 || LABEL_BOUNDARY_BEFORE.test(line[start - 1]);
    const after = end === line.length || LABEL_BOUNDARY_AFTER.test(line[end]);
    if (before && after) hits.push({ field: FIELD_BY_NAME.get(m[0])!, start, end });
  }
  return hits;
}

/** The field when the whole line is one label (a table cell), else null. */
export function labelOnlyField(line: string): HeaderField | null {
  const hits = findHeaderLabels(line);
  if (hits.length !== 1 || hits[0].start !== 0) return null;
  return /^[\s:：]*$/.test(line.slice(hits[0].end)) ? hits[0].field : null;
}

/** "label：value label：value" on one line → values by field. Empty when the line has no label at its start. */
export function parseInlineHeader(line: string): Array<{ field: HeaderField; value: string }> {
  const hits = findHeaderLabels(line);
  if (hits.length === 0 || hits[0].start !== 0) return [];
  return hits.map((hit, i) => ({
    field: hit.field,
    value: line.slice(hit.end, i + 1 < hits.length ? hits[i + 1].start : line.length),
  }));
}

export function cleanHeaderValue(raw: string): string | null {
  const value = trimTrailing(raw.replace(/^[\s:：|｜]+/, ''), '，,；;。|｜').trim();
  if (value === '' || value.length > MAX_VALUE_LENGTH) return null;
  if (/^[-—/／无]+$/.test(value)) return null;
  return value;
}

export function parseScore(raw: string): number | null {
  const m = /^([0-9]{1,3}(?:\.[0-9]{1,3})?)\s*分?/.exec(toAsciiDigits(raw.trim()));
  if (!m) return null;
  const score = Number(m[1]);
  return Number.isFinite(score) ? score : null;
}

const GRADE_WORDS: Array<[RegExp, Grade]> = [
  [/^(?:优秀|优)/, '优'],
  [/^(?:良好|良|较好)/, '良'],
  [/^(?:中等|一般|中)/, '中'],
  [/^(?:较差|差)/, '差'],
  [/^好/, '优'],
];
/** Words outside the national 优/良/中/差 that self-evaluations use; mapping them is a judgement. */
export const NON_STANDARD_GRADE_WORD = /^(?:较好|好|一般)/;

// Word's Wingdings boxes survive extraction as letters: "R优 £良 £中 £差" (R = ticked, £ = empty).
const CHECKED = '[R☑√✓✔■●▣◉☒þ]';
const UNCHECKED = '[£□☐○◯oO¨]';
const CHECKBOX_ROW = new RegExp(`(?:${CHECKED}|${UNCHECKED})\\s*(?:优秀?|良好?|中等?|差)`, 'g');

/** The ticked grade of a checkbox row, or null when the value is not one. */
export function parseCheckboxGrade(raw: string): Grade | null {
  const boxes = raw.match(CHECKBOX_ROW);
  if (!boxes || boxes.length < 2) return null;
  const ticked = boxes.filter((b) => new RegExp(`^${CHECKED}`).test(b));
  return ticked.length === 1 ? parseGrade(ticked[0].replace(new RegExp(`^${CHECKED}\\s*`), '')) : null;
}

export function parseGrade(raw: string): Grade | null {
  const checkbox = parseCheckboxGrade(raw);
  if (checkbox) return checkbox;
  const value = raw.trim().replace(/^[“"「『【[（(]+/, '');
  for (const [re, grade] of GRADE_WORDS) if (re.test(value)) return grade;
  const stated =
    /(?:等级|结论|结果|评定|评级)(?:为|是|评定为)?\s*[:：]?\s*[“"「『]?(优秀|良好|中等|较差|较好|优|良|中|差)/.exec(
      value,
    );
  return stated ? parseGrade(stated[1]) : null;
}

/** Score and grade written in prose ("综合得分80.08分，评价等级为良") when the header table lacks them. */
export function findScoreInProse(text: string): number | null {
  const m =
    /(?:得分|评分|分值|总分)(?:为|是|达到?)?\s*[:：]?\s*([0-9０-９]{1,3}(?:[.．][0-9０-９]{1,3})?)\s*分/.exec(
      text,
    );
  return m ? parseScore(m[1]) : null;
}

export function findGradeInProse(text: string): Grade | null {
  const m =
    /(?:评价等级|绩效等级|评价结论|评价结果|等级|级别)(?:为|是|评定为|确定为)\s*[“"「『]?(优秀|良好|中等|较差|较好|优|良|中|差)/.exec(
      text,
    );
  return m ? parseGrade(m[1]) : null;
}
