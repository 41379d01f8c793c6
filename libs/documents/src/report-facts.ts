import type { ReportSummary } from './report-summary';

export interface ReportEvaluation {
  id: string;
  projectName: string | null;
  title: string | null;
  score: number | null;
  grade: string | null;
  organizer: string | null;
  evaluator: string | null;
}

/** One problem of the report, from the ledger row and the workflow state in the read model. */
export interface ReportProblem {
  evaluationId: string;
  findingSeq: number;
  findingTitle: string;
  findingText: string | null;
  recommendation: string | null;
  unitName: string;
  statusLabel: string;
  originalDeadline: string;
  currentDeadline: string;
  measures: { content: string; targetDate: string }[];
  evidence: { name: string; effectiveDate: string; sha256: string }[];
  reviewedDate: string | null; // 认定 (rectified)
  closedDate: string | null; // 销号
  rungs: { label: string; date: string }[];
}

export interface ReportFacts {
  issuer: string;
  title: string;
  scope: string; // whose report: the evaluation's project or the unit and year
  evaluations: ReportEvaluation[];
  summary: ReportSummary;
  problems: ReportProblem[];
  date: string; // YYYY-MM-DD
}
