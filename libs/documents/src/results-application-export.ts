import ExcelJS from 'exceljs';
import type { ResultsApplication, ResultsApplicationRow } from './results-application.types';

/** The columns of the 结果应用 workbook, in order (Chinese headers; the e2e reads them back by header). */
export const RESULTS_COLUMNS: {
  header: string;
  width: number;
  value: (r: ResultsApplicationRow) => string | number | null;
}[] = [
  { header: '部门', width: 28, value: (r) => r.unitName },
  {
    header: '评价项目（得分/等级）',
    width: 48,
    value: (r) =>
      r.evaluations
        .map((e) => `${e.projectName ?? '未命名项目'}（${e.score ?? '—'}/${e.grade ?? '—'}）`)
        .join('；'),
  },
  { header: '问题数', width: 8, value: (r) => r.problems },
  { header: '已销号', width: 8, value: (r) => r.closed },
  { header: '整改中', width: 8, value: (r) => r.ongoing },
  { header: '逾期', width: 8, value: (r) => r.overdue },
  { header: '已撤销', width: 8, value: (r) => r.cancelled },
  { header: '整改完成率（%）', width: 14, value: (r) => r.completionRate },
  { header: '最高督办级别', width: 12, value: (r) => r.highestRungLabel },
  { header: '屡查屡犯', width: 10, value: (r) => r.repeatFindings },
  { header: '处理建议', width: 16, value: (r) => r.treatment },
  { header: '理由', width: 60, value: (r) => r.reasons.join('；') },
];

export const RESULTS_SHEET_NAME = '结果应用';

/** A small workbook (one row per department), built in memory. */
export async function renderResultsWorkbook(data: ResultsApplication): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(RESULTS_SHEET_NAME);
  ws.addRow([`${data.year}年度绩效评价结果应用建议`]).font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, RESULTS_COLUMNS.length);
  const header = ws.addRow(RESULTS_COLUMNS.map((c) => c.header));
  header.font = { bold: true };
  RESULTS_COLUMNS.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
  for (const row of data.rows) ws.addRow(RESULTS_COLUMNS.map((c) => c.value(row)));
  ws.views = [{ state: 'frozen', ySplit: 2 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
