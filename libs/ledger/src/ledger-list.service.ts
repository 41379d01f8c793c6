import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessScopeService, AuthUser } from '@rectiflow/auth';
import { AppError, fieldLabel } from '@rectiflow/common';
import { AppConfig } from '@rectiflow/config';
import { withInteractiveQueries } from './interactive-query';
import type { LedgerFilter } from './ledger-filter';
import { toLedgerItem } from './ledger-item';
import { LEDGER_COUNT_LIMIT, LedgerPagePlanner } from './ledger-page.query';
import { SearchTokenSample } from './search-token-sample';
import { ledgerUnits } from './ledger-units';
import type { LedgerPage } from './ledger.types';

/** 整改台账, paged: the caller's items only (department users: their units), filtered and sorted in SQL. */
@Injectable()
export class LedgerListService {
  private readonly planner: LedgerPagePlanner;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: AccessScopeService,
    private readonly config: AppConfig,
  ) {
    this.planner = new LedgerPagePlanner(db, new SearchTokenSample());
  }

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
    const planned = await withInteractiveQueries(this.db, opts, (query, server) =>
      this.planner.page(query, server, { filter, units, offset, pageSize }),
    );
    const now = new Date();
    const tz = this.config.notifications.timezone;
    return {
      items: planned.rows.map((r) => toLedgerItem(r, now, tz)),
      total: planned.total,
      totalIsEstimate: planned.totalIsEstimate,
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
