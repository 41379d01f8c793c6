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
  /** each sampled row's tokens, and how many rows hold each token: a lookup, not a scan of 2,000 strings per token */
  private rowTokens: Set<string>[] = [];
  private tokenRows = new Map<string, number>();
  /** the table's row count as InnoDB estimates it (information_schema), read with the sample */
  private tableRows = 0;
  private loadedAt = 0;
  private loading: Promise<void> | null = null;

  async frequencies(query: RawQuery, tokens: string[]): Promise<Map<string, number>> {
    if (Date.now() - this.loadedAt > MAX_AGE_MS) await this.load(query);
    const freq = new Map<string, number>();
    const n = Math.max(1, this.rows.length);
    for (const t of tokens) freq.set(t, this.frequency(t) / n);
    return freq;
  }

  /** Sampled rows holding this term: a whole token from the map, a one-character prefix by its tokens. */
  private frequency(term: string): number {
    if (term.length === 8) return this.tokenRows.get(term) ?? 0;
    return this.rows.reduce((c, r) => c + (` ${r}`.includes(` ${term}`) ? 1 : 0), 0);
  }

  /**
   * Roughly how many rows of the whole ledger contain every one of these tokens (a prefix: some token starting
   * with it): the sample's share times the table's size. For a total that is too dear to count.
   */
  async estimate(query: RawQuery, tokens: string[], prefixes: string[]): Promise<number> {
    const share = await this.share(query, tokens, prefixes);
    return Math.round(share * Math.max(this.tableRows, this.rows.length));
  }

  /** The share of the sample's rows that contain every one of these tokens (0–1). */
  async share(query: RawQuery, tokens: string[], prefixes: string[]): Promise<number> {
    if (Date.now() - this.loadedAt > MAX_AGE_MS) await this.load(query);
    let hits = 0;
    for (let i = 0; i < this.rows.length; i++)
      if (
        tokens.every((t) => this.rowTokens[i].has(t)) &&
        prefixes.every((p) => ` ${this.rows[i]}`.includes(` ${p}`))
      )
        hits++;
    return hits / Math.max(1, this.rows.length);
  }

  private load(query: RawQuery): Promise<void> {
    this.loading ??= Promise.all([
      query<{ searchText: string }>(`SELECT searchText FROM rectification ORDER BY id LIMIT ${SAMPLE_ROWS}`),
      query<{ n: string | number }>(
        `SELECT TABLE_ROWS AS n FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'rectification'`,
      ),
    ])
      .then(([rows, [size]]) => {
        this.rows = rows.map((r) => r.searchText);
        this.rowTokens = this.rows.map((r) => new Set(r.split(' ')));
        this.tokenRows = new Map();
        for (const set of this.rowTokens)
          for (const t of set) this.tokenRows.set(t, (this.tokenRows.get(t) ?? 0) + 1);
        this.tableRows = Number(size?.n ?? 0);
        this.loadedAt = Date.now();
      })
      .finally(() => (this.loading = null));
    return this.loading;
  }
}
