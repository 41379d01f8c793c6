import type { EvaluationProgress } from './evaluation-progress.response';
import type { EvaluationView, EvaluationWarning } from './evaluation.response';
import type { FindingView } from './finding.response';
import type { RecommendationView } from './recommendation.response';

/** What import, GET /evaluations/:id and every draft edit answer. */
export interface EvaluationDetail {
  evaluation: EvaluationView;
  findings: FindingView[];
  recommendations: RecommendationView[];
  warnings: EvaluationWarning[];
  /** 整改进度, live from the rectification items */
  progress: EvaluationProgress;
}
