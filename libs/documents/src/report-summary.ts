import { FINAL_STATUSES, type RectificationStatus } from '@rectiflow/contracts';

/** The ledger fields a summary counts (a LedgerItem has them all). */
export interface SummaryRow {
  status: RectificationStatus;
  overdue: boolean;
  extensionCount: number;
}

/** 整改情况 in figures, as the 整改情况报告 prints them and the ledger's filters count them. */
export interface ReportSummary {
  total: number;
  /** 已销号 */
  closed: number;
  /** not closed nor cancelled: still being rectified (整改中, 持续整改, …) */
  ongoing: number;
  /** still open and past its (current) deadline: the ledger's overdue filter on open items */
  overdue: number;
  /** 已撤销 */
  cancelled: number;
  /** closed ÷ (total − cancelled), in percent with one decimal; null when nothing is to be rectified */
  completionRate: number | null;
  /** approved extensions, summed */
  extensions: number;
}

export function summarize(rows: readonly SummaryRow[]): ReportSummary {
  const closed = rows.filter((r) => r.status === 'closed').length;
  const cancelled = rows.filter((r) => r.status === 'cancelled').length;
  const open = rows.filter((r) => !FINAL_STATUSES.includes(r.status));
  const due = rows.length - cancelled;
  return {
    total: rows.length,
    closed,
    ongoing: open.length,
    overdue: open.filter((r) => r.overdue).length,
    cancelled,
    completionRate: due > 0 ? Math.round((closed / due) * 1000) / 10 : null,
    extensions: rows.reduce((n, r) => n + r.extensionCount, 0),
  };
}
