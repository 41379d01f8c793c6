/** An evaluation's lifecycle: imported as a draft, issued (its items run), finished when every item is done. */
export const EVALUATION_STATUSES = ['draft', 'issued', 'finished', 'cancelled'] as const;
export type EvaluationStatus = (typeof EVALUATION_STATUSES)[number];
