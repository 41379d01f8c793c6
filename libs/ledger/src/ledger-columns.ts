import type { Alignment, Fill, Font, Style } from 'exceljs';

/** The 整改台账 columns, exactly as DOMAIN.md lists them, with widths (in characters) that fit Chinese text. */
export const LEDGER_COLUMNS = [
  { header: '序号', width: 6, kind: 'number' },
  { header: '评价项目', width: 28, kind: 'text' },
  { header: '评价分值/结论', width: 14, kind: 'center' },
  { header: '问题', width: 40, kind: 'text' },
  { header: '整改类型', width: 11, kind: 'center' },
  { header: '整改措施', width: 48, kind: 'text' },
  { header: '责任单位', width: 20, kind: 'text' },
  { header: '责任人', width: 10, kind: 'center' },
  { header: '整改时限', width: 12, kind: 'date' },
  { header: '延期后时限', width: 12, kind: 'date' },
  { header: '进展', width: 30, kind: 'text' },
  { header: '佐证材料', width: 40, kind: 'text' },
  { header: '认定结果', width: 24, kind: 'text' },
  { header: '销号日期', width: 12, kind: 'date' },
  { header: '是否逾期 / 逾期天数', width: 16, kind: 'center' },
  { header: '督办级别', width: 16, kind: 'center' },
] as const;

export const LEDGER_SHEET_NAME = '整改台账';
/** Title on row 1, headers on row 2: the frozen pane keeps both in view. */
export const HEADER_ROW = 2;
export const LAST_COLUMN_LETTER = 'P';
export const OVERDUE_COLUMN = 15;
export const DATE_FORMAT = 'yyyy-mm-dd';

const TOP_WRAP: Partial<Alignment> = { vertical: 'top', wrapText: true };
const CENTER: Partial<Alignment> = { vertical: 'top', horizontal: 'center', wrapText: true };

/** Column styles: exceljs gives every new cell its column's style, so rows only add what differs (overdue). */
export function columnStyle(kind: (typeof LEDGER_COLUMNS)[number]['kind']): Partial<Style> {
  switch (kind) {
    case 'date':
      return { numFmt: DATE_FORMAT, alignment: CENTER };
    case 'number':
    case 'center':
      return { alignment: CENTER };
    default:
      return { alignment: TOP_WRAP };
  }
}

const solid = (argb: string): Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });
export const TITLE_FONT: Partial<Font> = { bold: true, size: 14 };
export const HEADER_FONT: Partial<Font> = { bold: true };
export const HEADER_FILL = solid('FFD9E1F2');
/** Light red: overdue items stand out when printed or filtered. */
export const OVERDUE_FILL = solid('FFFFE0E0');
export const OVERDUE_FONT: Partial<Font> = { bold: true, color: { argb: 'FFC00000' } };
export const THIN_BORDER = {
  top: { style: 'thin' as const },
  left: { style: 'thin' as const },
  bottom: { style: 'thin' as const },
  right: { style: 'thin' as const },
};
