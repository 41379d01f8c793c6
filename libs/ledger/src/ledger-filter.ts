import type { RectificationStatus, RectificationType } from '@rectiflow/contracts';

export const LEDGER_SORTS = ['deadline', 'updatedAt', 'escalationLevel', 'status', 'findingSeq'] as const;
export type LedgerSort = (typeof LEDGER_SORTS)[number];
export const LEDGER_ORDERS = ['asc', 'desc'] as const;
export type LedgerOrder = (typeof LEDGER_ORDERS)[number];

/** The ledger's filters and order, shared by the paged list and the Excel export. Every field narrows. */
export interface LedgerFilter {
  evaluationId?: string;
  /** The responsible unit *and every unit below it* (a department sees its project units' items too). */
  unitId?: number;
  status?: RectificationStatus[];
  type?: RectificationType[];
  overdue?: boolean;
  /** exactly this level (0 = not escalated) */
  escalationLevel?: number;
  /** this level or higher, e.g. 2 = 督办 and above */
  minEscalationLevel?: number;
  /** on the current deadline (after extensions), inclusive, YYYY-MM-DD */
  deadlineFrom?: string;
  deadlineTo?: string;
  /** substring of the finding title or the evaluated project's name */
  q?: string;
  sort: LedgerSort;
  order: LedgerOrder;
}
