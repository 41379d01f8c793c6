import { matchHeading } from '../heading-patterns';
import type { KindInput } from './kind-input';

const NAME_COLUMN = /项目名称|项目|名称/;
const SCORE_COLUMN = /得分|分值|评分|分数/;
const ROW_CELLS = /\t|[|｜│]/;
const SCORE = /^[0-9]{1,3}(?:\.[0-9]{1,2})?(?:分)?$/;
const GRADE = /^(?:优秀?|良好?|中等?|差|较好|较差|一般|合格|不合格)$/;
const SEQ = /^[0-9]{1,4}$/;
const RULE = /^[-—:：\s|｜]+$/;
const LABEL_MAX = 10;

/**
 * A 绩效评价结果公示 table: a header row with project-name and score columns, then one row per
 * project. Returns the number of data rows, or 0 when the text is not such a table. A document with
 * a problems section is a report that happens to contain a table, never a results table.
 */
export function countResultsTableRows(input: KindInput): number {
  if (input.segments.some(isProblemsHeading)) return 0;
  return Math.max(rowsAsLines(input.lines), rowsAsCells(input.segments));
}

const HEADING_MAX = 60;

function isProblemsHeading(segment: string): boolean {
  if (segment.length > HEADING_MAX || !/问题|不足/.test(segment)) return false;
  const kind = matchHeading(segment)?.kind;
  return kind === 'problems' || kind === 'combined';
}

/** Pipes or TABs: one line per row. */
function rowsAsLines(lines: string[]): number {
  let rows = 0;
  let headerSeen = false;
  for (const line of lines) {
    if (!ROW_CELLS.test(line) || RULE.test(line)) continue;
    const cells = line
      .split(/\t|[|｜│]/)
      .map((c) => c.trim())
      .filter((c) => c !== '');
    if (!headerSeen) {
      headerSeen = isHeaderRow(cells);
      continue;
    }
    if (
      cells.length >= 3 &&
      cells.some((c) => SCORE.test(c)) &&
      (SEQ.test(cells[0]) || cells.some((c) => GRADE.test(c)))
    ) {
      rows++;
    }
  }
  return rows >= 2 ? rows : 0;
}

/** One cell per line (a table copied out of a PDF or a web page): count the 序号 column. */
function rowsAsCells(segments: string[]): number {
  const headerAt = findCellHeader(segments);
  if (headerAt < 0) return 0;
  let expected = 1;
  let sawScore = false;
  let rows = 0;
  for (let i = headerAt; i < segments.length; i++) {
    const cell = segments[i];
    if (cell === String(expected) && (expected === 1 || sawScore)) {
      if (expected > 1) rows++;
      expected++;
      sawScore = false;
    } else if (SCORE.test(cell) || GRADE.test(cell)) {
      sawScore = true;
    }
  }
  if (expected > 1 && sawScore) rows++;
  return rows >= 2 ? rows : 0;
}

function isHeaderRow(cells: string[]): boolean {
  return (
    cells.length >= 3 &&
    cells.every((c) => c.length <= LABEL_MAX * 2) &&
    cells.some((c) => NAME_COLUMN.test(c)) &&
    cells.some((c) => SCORE_COLUMN.test(c))
  );
}

/** Index just after a run of short label cells holding a name and a score column. */
function findCellHeader(segments: string[]): number {
  for (let i = 0; i < segments.length; i++) {
    let j = i;
    const run: string[] = [];
    while (j < segments.length && segments[j].length <= LABEL_MAX && !/[0-9]/.test(segments[j])) {
      run.push(segments[j]);
      j++;
    }
    if (run.length >= 3 && isHeaderRow(run)) return j;
    i = Math.max(i, j - 1);
  }
  return -1;
}
