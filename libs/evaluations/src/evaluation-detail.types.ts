// What the evaluation routes answer is the web's type too: declared once in libs/contracts.
export type {
  EvaluationDetail,
  EvaluationPage,
  EvaluationSummary,
  EvaluationView,
  FindingView,
  RecommendationView,
  SourceDocumentView,
} from '@rectiflow/contracts';
