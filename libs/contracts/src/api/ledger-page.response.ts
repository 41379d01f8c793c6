import type { LedgerItem } from './ledger-item.response';
import type { Page } from './page.response';

/** GET /rectifications: a page of the ledger. */
export interface LedgerPage extends Page<LedgerItem> {
  /** `total` is exact up to LEDGER_COUNT_LIMIT; above it, that limit and true (shown as "10000+") */
  totalIsEstimate: boolean;
}
