import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessScopeService, AuthUser } from '@rectiflow/auth';
import { AppConfig } from '@rectiflow/config';
import type { LedgerFilter } from './ledger-filter';
import { toLedgerItem } from './ledger-item';
import { ledgerQuery, ledgerRowsByIds, orderedKeys, selectLedgerColumns } from './ledger-query.builder';
import { ledgerUnits } from './ledger-units';
import type { LedgerPage, LedgerRaw } from './ledger.types';

/** 整改台账, paged: the caller's items only (department users: their units), filtered and sorted in SQL. */
@Injectable()
export class LedgerListService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: AccessScopeService,
    private readonly config: AppConfig,
  ) {}

  async list(user: AuthUser, filter: LedgerFilter, page: number, pageSize: number): Promise<LedgerPage> {
    const units = await ledgerUnits(this.db, this.scope, user, filter);
    const [keys, count] = await Promise.all([
      orderedKeys(ledgerQuery(this.db, filter, units), filter)
        .offset((page - 1) * pageSize)
        .limit(pageSize)
        .getRawMany<{ id: string }>(),
      ledgerQuery(this.db, filter, units).select('COUNT(*)', 'total').getRawOne<{ total: string | number }>(),
    ]);
    const rows = await ledgerRowsByIds<LedgerRaw>(
      this.db,
      keys.map((k) => k.id),
      selectLedgerColumns,
    );
    const now = new Date();
    const tz = this.config.notifications.timezone;
    return {
      items: rows.map((r) => toLedgerItem(r, now, tz)),
      total: Number(count?.total ?? 0),
      page,
      pageSize,
    };
  }
}
