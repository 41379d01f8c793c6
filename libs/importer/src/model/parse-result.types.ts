/**
 * Output contract of the importer. Other packages import these shapes through `index.ts`,
 * so names and nullability are part of the public API.
 */
export type Grade = '优' | '良' | '中' | '差';

export interface ParseWarning {
  code: string;
  message: string;
}

export interface ParsedEvaluation {
  /** 评价组织机构 */
  organizer: string | null;
  /** 项目主管部门 */
  supervisingDepartment: string | null;
  /** 项目单位名称 */
  projectUnit: string | null;
  /** 项目起止时间 */
  projectPeriod: string | null;
  /** 评价机构 */
  evaluator: string | null;
  /** 评价时间 */
  evaluationPeriod: string | null;
  score: number | null;
  grade: Grade | null;
  projectName: string | null;
  title: string | null;
  basicInfo: string | null;
  performanceSummary: string | null;
  /** 万元 */
  budget: number | null;
  /** 万元 */
  allocated: number | null;
  /** 万元 */
  spent: number | null;
  /** percent, e.g. 96.62 */
  executionRate: number | null;
}

export interface ParsedPoint {
  /** '一是', '二是', … ; '' when an item only has ①②③ details */
  label: string;
  text: string;
  details: string[];
}

export interface ParsedFinding {
  seq: number;
  title: string;
  text: string;
  points: ParsedPoint[];
  recommendationSeq: number | null;
}

export interface ParsedRecommendation {
  seq: number;
  title: string;
  text: string;
}

export interface ParseResult {
  evaluation: ParsedEvaluation;
  findings: ParsedFinding[];
  recommendations: ParsedRecommendation[];
  warnings: ParseWarning[];
}
