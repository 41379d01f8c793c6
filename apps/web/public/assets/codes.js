/** The codes the API accepts in filters and bodies (libs/contracts), in display order. */

export const RECTIFICATION_STATUSES = Object.freeze([
  'issued',
  'acknowledged',
  'plan_submitted',
  'in_progress',
  'submitted',
  'ongoing',
  'closed',
  'cancelled',
]);
export const RECTIFICATION_TYPES = Object.freeze(['immediate', 'deadline', 'phased', 'continuous']);
export const REVIEW_RESULTS = Object.freeze(['rectified', 'ongoing', 'not_rectified']);
export const DEADLINE_KINDS = Object.freeze(['date', 'calendar_days', 'working_days']);
export const EVALUATION_STATUSES = Object.freeze(['draft', 'issued', 'finished', 'cancelled']);
export const GRADES = Object.freeze(['优', '良', '中', '差']);
