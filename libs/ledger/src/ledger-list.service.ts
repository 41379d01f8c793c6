import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessScopeService, AuthUser } from '@rectiflow/auth';
import { AppError, fieldLabel } from '@rectiflow/common';
import { AppConfig } from '@rectiflow/config';
import { withInteractiveQueries } from './interactive-query';
import type { LedgerFilter } from './ledger-filter';
import { toLedgerItem } from './ledger-item';
import { ledgerQuery, ledgerRowsByIds, orderedKeys, selectLedgerColumns } from './ledger-query.builder';
import { ledgerUnits } from './ledger-units';
import type { LedgerPage, LedgerRaw } from './ledger.types';

/**
 * How far the list counts and pages: the total is exact up to here and "at least this many" above (a bounded
 * COUNT reads at most this many index entries), and pages reach only these first rows — deeper than that a
 * person narrows the filter or takes the Excel export, and OFFSET costs grow with the depth.
 */
export const LEDGER_COUNT_LIMIT = 10_000;

/** 整改台账, paged: the caller's items only (department users: their units), filtered and sorted in SQL. */
@Injectable()
export class LedgerListService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: AccessScopeService,
    private readonly config: AppConfig,
  ) {}

  /**
   * One page. Every statement runs under LEDGER_QUERY_TIMEOUT_MS (503 QUERY_TIMEOUT when hit) and is killed
   * when `signal` aborts (the HTTP client went away).
   */
  async list(
    user: AuthUser,
    filter: LedgerFilter,
    page: number,
    pageSize: number,
    signal?: AbortSignal,
  ): Promise<LedgerPage> {
    const offset = (page - 1) * pageSize;
    if (offset >= LEDGER_COUNT_LIMIT) throw pageTooDeep(pageSize);
    const units = await ledgerUnits(this.db, this.scope, user, filter);
    const opts = { timeoutMs: this.config.ledger.queryTimeoutMs, signal };
    const { rows, total } = await withInteractiveQueries(this.db, opts, async (query) => {
      const keys = await query<{ id: string }>(
        ...orderedKeys(ledgerQuery(this.db, filter, units), filter)
          .offset(offset)
          .limit(pageSize)
          .getQueryAndParameters(),
      );
      // A short last page tells the total without counting.
      let count = offset + keys.length;
      if (keys.length === pageSize || (keys.length === 0 && offset > 0)) {
        const [sql, params] = ledgerQuery(this.db, filter, units)
          .select('1')
          .limit(LEDGER_COUNT_LIMIT + 1)
          .getQueryAndParameters();
        const [row] = await query<{ n: string | number }>(
          `SELECT COUNT(*) AS n FROM (${sql}) AS bounded`,
          params,
        );
        count = Number(row?.n ?? 0);
      }
      const found = await ledgerRowsByIds<LedgerRaw>(
        this.db,
        keys.map((k) => k.id),
        selectLedgerColumns,
        (sql, params) => query<LedgerRaw>(sql, params),
      );
      return { rows: found, total: count };
    });
    const now = new Date();
    const tz = this.config.notifications.timezone;
    return {
      items: rows.map((r) => toLedgerItem(r, now, tz)),
      total: Math.min(total, LEDGER_COUNT_LIMIT),
      totalIsEstimate: total > LEDGER_COUNT_LIMIT,
      page,
      pageSize,
    };
  }
}

function pageTooDeep(pageSize: number): AppError {
  const last = Math.ceil(LEDGER_COUNT_LIMIT / pageSize);
  const message = `页码超出范围：列表只能翻到前 ${LEDGER_COUNT_LIMIT} 条（每页 ${pageSize} 条时最多第 ${last} 页），请缩小筛选范围或导出 Excel`;
  return new AppError('VALIDATION_FAILED', `请求参数无效：${message}`, {
    fields: { page: [message] },
    labels: { page: fieldLabel('page') },
  });
}
