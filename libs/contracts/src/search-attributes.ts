/**
 * Custom search attributes the workflows upsert, so that the Temporal Web UI and `temporal workflow list`
 * can filter by them. `scripts/temporal-dev.sh` registers exactly this list (a spec keeps them in step).
 * Plain objects (no @temporalio/common import) so workflow code may import them.
 */
export const SEARCH_ATTRIBUTES = {
  evaluationId: { name: 'RectiflowEvaluationId', type: 'KEYWORD' },
  unitId: { name: 'RectiflowUnitId', type: 'KEYWORD' },
  status: { name: 'RectiflowStatus', type: 'KEYWORD' },
  deadline: { name: 'RectiflowDeadline', type: 'DATETIME' },
  escalationLevel: { name: 'RectiflowEscalationLevel', type: 'INT' },
} as const;

/** The CLI spelling of each type, for `temporal server start-dev --search-attribute Name=Type`. */
export const SEARCH_ATTRIBUTE_CLI_TYPES: Record<string, string> = {
  KEYWORD: 'Keyword',
  DATETIME: 'Datetime',
  INT: 'Int',
};
