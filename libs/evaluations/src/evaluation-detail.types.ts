import type { EvaluationStatus, EvaluationWarning, FindingPoint, RepeatOf } from '@rectiflow/persistence';
import type { EvaluationProgress, RectificationLink } from './evaluation-progress.query';

/** The original document an evaluation was imported from (download: GET /evaluations/:id/source). */
export interface SourceDocumentView {
  id: number;
  originalName: string;
  sha256: string;
  size: number;
  format: string;
  encoding: string | null;
  uploadedById: number | null;
  createdAt: Date;
}

/** Header facts and lifecycle fields of one evaluation. Amounts in 万元, executionRate in %. */
export interface EvaluationView {
  id: string;
  status: EvaluationStatus;
  version: number;
  title: string | null;
  projectName: string | null;
  organizer: string | null;
  supervisingDepartment: string | null;
  projectUnit: string | null;
  projectPeriod: string | null;
  evaluator: string | null;
  evaluationPeriod: string | null;
  score: number | null;
  grade: string | null;
  basicInfo: string | null;
  performanceSummary: string | null;
  budget: number | null;
  allocated: number | null;
  spent: number | null;
  executionRate: number | null;
  departmentUnitId: number | null;
  createdById: number | null;
  issuedAt: Date | null;
  finishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  sourceDocument: SourceDocumentView | null;
}

export interface RecommendationView {
  id: number;
  seq: number;
  title: string;
  text: string;
}

export interface FindingView {
  id: number;
  seq: number;
  title: string;
  text: string;
  points: FindingPoint[];
  recommendationSeq: number | null;
  /** the recommendation `recommendationSeq` points at, inlined for display */
  recommendation: RecommendationView | null;
  /** the rectification item this finding became (after issuing), linked back */
  rectification: RectificationLink | null;
  /** 屡查屡犯: the earlier finding of the same unit (or its parent) this one repeats; set once the unit is known */
  repeatOf: RepeatOf | null;
}

/** What import, GET /evaluations/:id and every draft edit answer. */
export interface EvaluationDetail {
  evaluation: EvaluationView;
  findings: FindingView[];
  recommendations: RecommendationView[];
  warnings: EvaluationWarning[];
  /** 整改进度, live from the rectification items */
  progress: EvaluationProgress;
}

/** One row of GET /evaluations. */
export interface EvaluationSummary {
  id: string;
  status: EvaluationStatus;
  version: number;
  title: string | null;
  projectName: string | null;
  supervisingDepartment: string | null;
  projectUnit: string | null;
  score: number | null;
  grade: string | null;
  findingCount: number;
  warningCount: number;
  progress: EvaluationProgress;
  sourceDocumentName: string | null;
  departmentUnitId: number | null;
  issuedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface EvaluationPage {
  items: EvaluationSummary[];
  total: number;
  page: number;
  pageSize: number;
}
