import type { RawQuery } from './interactive-query';

const SAMPLE_ROWS = 2000;
const MAX_AGE_MS = 10 * 60_000;

/**
 * How common each search token is, estimated on a sample of the ledger's rows (the first rows in primary-key
 * order: ids carry a random UUID, so these are spread over evaluations and units). InnoDB's FULLTEXT reads every
 * posting of every term it is given, so a query's cost is the sum of its terms' frequencies: the FULLTEXT step
 * uses only the rarest few tokens, and the rest are checked on the rows it returns. Refreshed every 10 minutes,
 * loaded on first use (one short query).
 */
export class SearchTokenSample {
  private rows: string[] = [];
  private loadedAt = 0;
  private loading: Promise<void> | null = null;

  async frequencies(query: RawQuery, tokens: string[]): Promise<Map<string, number>> {
    if (Date.now() - this.loadedAt > MAX_AGE_MS) await this.load(query);
    const freq = new Map<string, number>();
    const n = Math.max(1, this.rows.length);
    for (const t of tokens) freq.set(t, this.rows.reduce((c, r) => c + (r.includes(t) ? 1 : 0), 0) / n);
    return freq;
  }

  private load(query: RawQuery): Promise<void> {
    this.loading ??= query<{ searchText: string }>(
      `SELECT searchText FROM rectification ORDER BY id LIMIT ${SAMPLE_ROWS}`,
    )
      .then((rows) => {
        this.rows = rows.map((r) => r.searchText);
        this.loadedAt = Date.now();
      })
      .finally(() => (this.loading = null));
    return this.loading;
  }
}
