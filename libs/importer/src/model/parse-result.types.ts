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
  /** 文号, e.g. "乐财绩函〔2023〕5号" */
  documentNumber: string | null;
  /** date the document was signed or issued, YYYY-MM-DD */
  documentDate: string | null;
  /** a rectification deadline stated in the text ("于2023年2月18日前报送…"), YYYY-MM-DD */
  rectificationDeadline: string | null;
}

/** UTF-16 offsets into the exact string given to `parseFeedbackForm`. */
export interface SourceSpan {
  start: number;
  end: number;
}

export interface ConfidenceReason {
  /** stable code: numbered_heading, inline_enumeration, sentence_split, audit_heading, paired_by_number, … */
  code: string;
  /** Chinese, for the reviewer */
  message: string;
}

export interface Confidence {
  /** 0..1 */
  score: number;
  reasons: ConfidenceReason[];
}

export type DocumentKind =
  | 'feedback_form'
  | 'evaluation_report'
  | 'self_evaluation'
  | 'audit_report'
  | 'review_letter'
  | 'results_table'
  | 'unknown';

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
  span: SourceSpan | null;
  confidence: Confidence;
}

export interface ParsedRecommendation {
  seq: number;
  title: string;
  text: string;
  span: SourceSpan | null;
  confidence: Confidence;
}

export interface ParseResult {
  kind: DocumentKind;
  /** data rows of a results publication table (kind `results_table`), else null */
  resultsTableRows: number | null;
  evaluation: ParsedEvaluation;
  findings: ParsedFinding[];
  recommendations: ParsedRecommendation[];
  warnings: ParseWarning[];
}
