import type { EvaluationProgress } from './evaluation-progress.response';
import type { Page } from './page.response';
import type { EvaluationStatus } from '../evaluations/evaluation-status';

/** One row of GET /evaluations; times ISO 8601. */
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
  issuedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** GET /evaluations */
export type EvaluationPage = Page<EvaluationSummary>;
