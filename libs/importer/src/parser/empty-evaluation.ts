import type { ParsedEvaluation } from '../model/parse-result.types';

export function emptyEvaluation(): ParsedEvaluation {
  return {
    organizer: null,
    supervisingDepartment: null,
    projectUnit: null,
    projectPeriod: null,
    evaluator: null,
    evaluationPeriod: null,
    score: null,
    grade: null,
    projectName: null,
    title: null,
    basicInfo: null,
    performanceSummary: null,
    budget: null,
    allocated: null,
    spent: null,
    executionRate: null,
    documentNumber: null,
    documentDate: null,
    rectificationDeadline: null,
  };
}
