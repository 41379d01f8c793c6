import { AuditService } from '@rectiflow/audit';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import ExcelJS from 'exceljs';
import type { Readable, Writable } from 'node:stream';
import { DataSource } from 'typeorm';
import { AccessScopeService, AuthUser } from '@rectiflow/auth';
import { AppConfig } from '@rectiflow/config';
import {
  columnStyle,
  HEADER_FILL,
  HEADER_FONT,
  HEADER_ROW,
  LAST_COLUMN_LETTER,
  LEDGER_COLUMNS,
  LEDGER_SHEET_NAME,
  OVERDUE_COLUMN,
  OVERDUE_FILL,
  OVERDUE_FONT,
  THIN_BORDER,
  TITLE_FONT,
} from './ledger-columns';
import { dayIn, LedgerExportRaw, ledgerCells } from './ledger-export-row';
import type { LedgerFilter } from './ledger-filter';
import {
  ledgerQuery,
  ledgerRowsByIds,
  LedgerUnits,
  orderedKeys,
  selectExportColumns,
  SORT_KEYS,
} from './ledger-query.builder';
import { ledgerUnits } from './ledger-units';
import { waitForOutput } from './output-pacing';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DEFAULT_BATCH = 1000;

/** Where a keyset batch ended: the next one starts after this (sort key, id). */
interface BatchKey {
  id: string;
  sortKey: string | number;
}

interface Batch {
  rows: LedgerExportRaw[];
  /** null when this was the last batch */
  next: BatchKey | null;
}

/** An export whose first batch is already read: errors up to here are ordinary JSON errors, not a broken file. */
export interface LedgerExport {
  fileName: string;
  /** Streams the workbook into `out` and ends it; resolves with the row count (early if `out` closes). */
  writeTo(out: Writable): Promise<{ rows: number; aborted: boolean }>;
}

/**
 * 整改台账 as .xlsx, streamed: rows are read from MySQL in keyset batches (ids after the last (key, id) from
 * rectification's own index, then their columns by primary key — two short queries, no connection held in
 * between, no OFFSET that gets slower page by page) and each row is committed to exceljs' streaming writer as
 * soon as it is built, so memory holds one batch whatever the size of the ledger. Same filters, order and unit
 * scope as the list.
 */
@Injectable()
export class LedgerExportService {
  private readonly logger = new Logger(LedgerExportService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: AccessScopeService,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  async open(
    user: AuthUser,
    filter: LedgerFilter,
    opts: { batchSize?: number; now?: Date; ip?: string } = {},
  ): Promise<LedgerExport> {
    const units = await ledgerUnits(this.db, this.scope, user, filter);
    // Who took a copy of which items is part of the government data trail.
    await this.audit.record({
      actor: user,
      action: 'rectification.export',
      entityType: 'ledger',
      ip: opts.ip,
      payload: { filter },
    });
    const size = opts.batchSize ?? DEFAULT_BATCH;
    const now = opts.now ?? new Date();
    const tz = this.config.notifications.timezone;
    const first = await this.batch(filter, units, null, size);
    return {
      fileName: `${LEDGER_SHEET_NAME}-${dayIn(now, tz)}.xlsx`,
      writeTo: (out) => this.write(out, first, (after) => this.batch(filter, units, after, size), now, tz),
    };
  }

  private async write(
    out: Writable,
    first: Batch,
    fetch: (after: BatchKey) => Promise<Batch>,
    now: Date,
    tz: string,
  ): Promise<{ rows: number; aborted: boolean }> {
    let closed = false;
    const onClose = (): void => void (closed = !out.writableFinished);
    out.once('close', onClose);
    const closedPromise = new Promise<void>((resolve) => out.once('close', () => resolve()));
    try {
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
        stream: out,
        useStyles: true,
        useSharedStrings: false,
      });
      workbook.creator = 'Rectiflow';
      const zip = (workbook as unknown as { zip?: Readable }).zip;
      const sheet = workbook.addWorksheet(LEDGER_SHEET_NAME, {
        views: [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW, topLeftCell: 'A3', activeCell: 'A3' }],
      });
      sheet.columns = LEDGER_COLUMNS.map((c) => ({ width: c.width, style: columnStyle(c.kind) }));
      sheet.autoFilter = `A${HEADER_ROW}:${LAST_COLUMN_LETTER}${HEADER_ROW}`;
      this.writeHeader(sheet, now, tz);

      let rows = 0;
      let batch: Batch | null = first;
      while (batch && !closed) {
        for (const raw of batch.rows) {
          const { cells, overdue } = ledgerCells(raw, ++rows, now, tz);
          const row = sheet.addRow(cells);
          if (overdue) {
            row.eachCell({ includeEmpty: true }, (cell) => (cell.fill = OVERDUE_FILL));
            row.getCell(OVERDUE_COLUMN).font = OVERDUE_FONT;
          }
          row.commit();
        }
        await waitForOutput(zip, out, () => closed);
        batch = batch.next && !closed ? await fetch(batch.next) : null;
      }
      if (closed) {
        this.logger.warn({ rows }, 'ledger export: client went away, stopped');
        return { rows, aborted: true };
      }
      sheet.commit();
      await Promise.race([workbook.commit(), closedPromise]);
      return { rows, aborted: closed };
    } finally {
      out.off('close', onClose);
    }
  }

  private writeHeader(sheet: ExcelJS.Worksheet, now: Date, tz: string): void {
    const at = now.toLocaleString('zh-CN', {
      timeZone: tz,
      hour12: false,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    sheet.mergeCells(`A1:${LAST_COLUMN_LETTER}1`);
    const title = sheet.getRow(1);
    title.getCell(1).value = `${LEDGER_SHEET_NAME}（导出时间：${at}）`;
    title.getCell(1).font = TITLE_FONT;
    title.getCell(1).alignment = { vertical: 'middle', horizontal: 'center' };
    title.height = 26;
    title.commit();
    const header = sheet.getRow(HEADER_ROW);
    LEDGER_COLUMNS.forEach((c, i) => {
      const cell = header.getCell(i + 1);
      cell.value = c.header;
      cell.font = HEADER_FONT;
      cell.fill = HEADER_FILL;
      cell.border = THIN_BORDER;
      cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    });
    header.height = 30;
    header.commit();
  }

  /**
   * One keyset batch: the ids after `after` in (sort key, id) order from rectification's own index, then their
   * full rows by primary key (see ledgerQuery for why the two steps).
   */
  private async batch(
    filter: LedgerFilter,
    units: LedgerUnits,
    after: BatchKey | null,
    size: number,
  ): Promise<Batch> {
    const key = SORT_KEYS[filter.sort];
    const qb = orderedKeys(ledgerQuery(this.db, filter, units), filter);
    if (after) {
      const op = filter.order === 'desc' ? '<' : '>';
      qb.andWhere(`(${key.expr} ${op} :afterKey OR (${key.expr} = :afterKey AND r.id ${op} :afterId))`, {
        afterKey: after.sortKey,
        afterId: after.id,
      });
    }
    const keys = await qb.limit(size).getRawMany<BatchKey>();
    const rows = await ledgerRowsByIds<LedgerExportRaw>(
      this.db,
      keys.map((k) => k.id),
      selectExportColumns,
    );
    return { rows, next: keys.length === size ? keys[keys.length - 1] : null };
  }
}
