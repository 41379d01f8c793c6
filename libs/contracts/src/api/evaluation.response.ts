import type { EvaluationStatus } from '../evaluations/evaluation-status';

/** A problem the importer or a check noticed in an evaluation's header (Chinese message). */
export interface EvaluationWarning {
  code: string;
  message: string;
}

/** The original document an evaluation was imported from (download: GET /evaluations/:id/source). */
export interface SourceDocumentView {
  id: number;
  originalName: string;
  sha256: string;
  size: number;
  format: string;
  encoding: string | null;
  uploadedById: number | null;
  /** ISO 8601 */
  createdAt: string;
}

/** Header facts and lifecycle fields of one evaluation. Amounts in 万元, executionRate in %; times ISO 8601. */
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
  issuedAt: string | null;
  finishedAt: string | null;
  createdAt: string;
  updatedAt: string;
  sourceDocument: SourceDocumentView | null;
}
