/** One evaluation of a department's year, as 结果应用 lists it. */
export interface ResultsEvaluation {
  id: string;
  projectName: string | null;
  score: number | null;
  grade: string | null;
}

/** One department's year: its evaluations, its problems' outcomes and the suggested treatment with reasons. */
export interface ResultsApplicationRow {
  unitId: number;
  unitName: string;
  evaluations: ResultsEvaluation[];
  problems: number;
  closed: number;
  ongoing: number;
  overdue: number;
  cancelled: number;
  /** closed ÷ (problems − cancelled), percent with one decimal; null when nothing is to be rectified */
  completionRate: number | null;
  /** highest rung ever reached by any of its items (0 none … 4 通报) */
  highestRung: number;
  highestRungLabel: string;
  /** items whose finding repeats an earlier one (屡查屡犯) */
  repeatFindings: number;
  treatment: string;
  reasons: string[];
}

/** GET /results-application?year=: every department with evaluations that year. */
export interface ResultsApplication {
  year: number;
  rows: ResultsApplicationRow[];
}
