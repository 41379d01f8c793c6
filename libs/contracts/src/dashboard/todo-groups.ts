/** The 我的待办 groups: GET /todo answers one of each, in this order. */
export const TODO_GROUPS = [
  'my_items',
  'plans_to_approve',
  'submissions_to_review',
  'extensions_to_decide',
  'escalated',
] as const;
export type TodoGroupKey = (typeof TODO_GROUPS)[number];
