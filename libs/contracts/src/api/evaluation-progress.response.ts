/** 整改进度 of one evaluation, computed live from the rectification read model. */
export interface EvaluationProgress {
  total: number;
  open: number;
  closed: number;
  ongoing: number;
  cancelled: number;
  overdue: number;
  /** closed ÷ (total − cancelled), in %, two decimals; null before issuing or when every item was cancelled */
  completionRate: number | null;
}
