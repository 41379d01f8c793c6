import { matchHeading, isReportTitle, isTitleLike, type HeadingMatch } from './heading-patterns';
import {
  cleanHeaderValue,
  findHeaderLabels,
  labelOnlyField,
  parseGrade,
  parseInlineHeader,
  parseScore,
  type HeaderField,
} from './header-fields.parser';
import type { MarkerCandidate } from './marker-scanner';
import { isSignatureOrganisation, isTerminatorLine } from './noise-patterns';
import { endsMidSentence, type RegionLine } from './paragraph-joiner';

/** The form cut into its parts; everything downstream works on one part at a time. */
export interface DocumentLayout {
  title: string | null;
  header: Map<HeaderField, string>;
  /** lines before the problems part, searched for facts written in prose */
  preamble: string[];
  basic: RegionLine[];
  summary: RegionLine[];
  /** problems and recommendations together; which is which is decided later */
  issues: RegionLine[];
  /** a problems (or combined) heading or table label was present */
  problemsHeadingFound: boolean;
  /** numbering of that heading, e.g. "一、" of "一、存在的问题" */
  problemsHeadingMarker: MarkerCandidate | null;
  secondReportIgnored: boolean;
}

type State = 'preamble' | 'basic' | 'summary' | 'issues' | 'other';
type IssuesState = 'none' | 'open' | 'closed';

const MERGE_MAX = 10;
const TITLE_PART_MAX = 40;
const CLUSTER_WINDOW = 6;
const REPEATABLE_LABELS = new Set(['combined', 'basic', 'summary', 'problems']);
/** Table row labels: Word repeats these when a row spans a page, splitting the cell text. */
const ROW_LABELS = new Set(['combined', 'basic', 'summary']);

/** @param segments lines and table cells, as produced by `toSegments` */
export function splitDocument(segments: string[]): DocumentLayout {
  return new LayoutBuilder(mergeSplitLabels(segments)).build();
}

/** Word repeats a table row label at a page break, often wrapped: "主要问题" + "与建议". */
function mergeSplitLabels(lines: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const a = lines[i];
    const b = lines[i + 1];
    if (b !== undefined && a.length <= MERGE_MAX && b.length <= MERGE_MAX && matchHeading(b) === null) {
      const merged = matchHeading(a + b);
      if (
        merged &&
        merged.content === null &&
        merged.marker === null &&
        merged.kind !== 'recs' &&
        merged.kind !== 'other'
      ) {
        out.push(a + b);
        i++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}

class LayoutBuilder {
  private readonly layout: DocumentLayout = {
    title: null,
    header: new Map(),
    preamble: [],
    basic: [],
    summary: [],
    issues: [],
    problemsHeadingFound: false,
    problemsHeadingMarker: null,
    secondReportIgnored: false,
  };
  private state: State = 'preamble';
  private issuesState: IssuesState = 'none';
  private readonly seenLabels = new Set<string>();
  private pendingJoin = false;
  private standaloneRecsHeadingSeen = false;
  private index = 0;
  private lastPreambleIndex = -1;
  private strongTitleFound = false;

  constructor(private readonly lines: string[]) {}

  build(): DocumentLayout {
    for (let i = 0; i < this.lines.length; i++) {
      this.index = i;
      const line = this.lines[i];
      const heading = matchHeading(line);
      if (this.isPageBreakRepeat(line, heading)) {
        this.pendingJoin = ROW_LABELS.has(heading!.kind);
        continue;
      }
      if (this.startsSecondReport(i, heading)) {
        this.layout.secondReportIgnored = true;
        break;
      }
      if (this.issuesState === 'none' && !heading?.marker) {
        const consumed = this.tryHeader(i);
        if (consumed > 0) {
          i += consumed - 1;
          continue;
        }
      }
      if (heading) {
        this.onHeading(line, heading);
        continue;
      }
      if (this.state === 'preamble' && !this.strongTitleFound && isTitleLike(line)) {
        // Breadcrumbs ("首页 > 绩效评价") look like titles; a real report title replaces them.
        if (isReportTitle(line)) {
          this.layout.title = this.withWrappedTitleStart(i, line);
          this.strongTitleFound = true;
          continue;
        }
        if (this.layout.title === null) {
          this.layout.title = line;
          continue;
        }
      }
      if (
        isTerminatorLine(line) ||
        (this.state === 'issues' && isSignatureOrganisation(line, this.lastIssueLine()))
      ) {
        this.enter('other');
        continue;
      }
      this.push(line);
    }
    return this.layout;
  }

  /** Long titles wrap: "…科技计划项目资金" + "绩效评价报告". */
  private withWrappedTitleStart(i: number, line: string): string {
    const preamble = this.layout.preamble;
    const previous = preamble[preamble.length - 1];
    if (previous === undefined || this.lastPreambleIndex !== i - 1) return line;
    const sentenceLike = /[。，,；;：:！？]/.test(previous) || !endsMidSentence(previous);
    if (previous.length > TITLE_PART_MAX || sentenceLike) return line;
    preamble.pop();
    return previous + line;
  }

  private isPageBreakRepeat(line: string, heading: HeadingMatch | null): boolean {
    if (
      !heading ||
      heading.content !== null ||
      heading.marker !== null ||
      !REPEATABLE_LABELS.has(heading.kind)
    ) {
      return false;
    }
    const key = line.replace(/\s+/g, '');
    if (this.seenLabels.has(key)) return true;
    this.seenLabels.add(key);
    return false;
  }

  private startsSecondReport(i: number, heading: HeadingMatch | null): boolean {
    if (this.issuesState === 'none') return false;
    const line = this.lines[i];
    if (isReportTitle(line)) return true;
    if (heading && heading.content === null && (heading.kind === 'problems' || heading.kind === 'combined')) {
      const hadIssues = this.layout.issues.length > 0;
      if ((this.issuesState === 'closed' && hadIssues) || this.standaloneRecsHeadingSeen) return true;
    }
    return this.headerClusterAt(i);
  }

  /** Two different header labels close together mean a new report header, not prose. */
  private headerClusterAt(i: number): boolean {
    const own = findHeaderLabels(this.lines[i]);
    if (own.length === 0 || own[0].start !== 0) return false;
    const fields = new Set<HeaderField>(own.map((hit) => hit.field));
    for (let k = i + 1; k < Math.min(this.lines.length, i + CLUSTER_WINDOW); k++) {
      const first = findHeaderLabels(this.lines[k])[0];
      if (first?.start === 0) fields.add(first.field);
    }
    return fields.size >= 2;
  }

  /** Returns how many lines the header label (and its value cell) used, 0 when the line is not one. */
  private tryHeader(i: number): number {
    const line = this.lines[i];
    const field = labelOnlyField(line);
    if (field !== null) {
      const next = this.lines[i + 1];
      if (
        next === undefined ||
        labelOnlyField(next) !== null ||
        parseInlineHeader(next).length > 0 ||
        matchHeading(next)
      ) {
        return field === 'grade' ? 0 : 1;
      }
      if (!this.setHeader(field, next)) return field === 'grade' || field === 'score' ? 0 : 1;
      return 2;
    }
    const pairs = parseInlineHeader(line);
    if (pairs.length === 0) return 0;
    // Past the header, "项目单位 按照…" is prose; only "label：value" or a row of labels counts.
    if (this.state !== 'preamble' && pairs.length < 2 && !/^[^\s:：]{2,10}\s*[:：]/.test(line)) return 0;
    let any = false;
    for (const { field: f, value } of pairs) any = this.setHeader(f, value) || any;
    return any ? 1 : 0;
  }

  private setHeader(field: HeaderField, raw: string): boolean {
    const value = cleanHeaderValue(raw);
    if (value === null) return false;
    if (field === 'score' && parseScore(value) === null) return false;
    if (field === 'grade' && parseGrade(value) === null) return false;
    if (!this.layout.header.has(field)) this.layout.header.set(field, value);
    return true;
  }

  private onHeading(line: string, heading: HeadingMatch): void {
    switch (heading.kind) {
      case 'combined':
      case 'problems':
        if (this.issuesState === 'open' && this.layout.issues.length > 0) {
          // A per-item sub-heading ("存在问题：…" inside item 2) belongs to the item text.
          this.push(line);
          return;
        }
        this.enter('issues');
        this.layout.problemsHeadingFound = true;
        this.layout.problemsHeadingMarker ??= heading.marker;
        if (heading.content !== null) this.push(heading.content);
        return;
      case 'recs':
        this.enter('issues');
        if (heading.content === null) {
          this.standaloneRecsHeadingSeen = true;
          this.push(line);
          return;
        }
        // Kept as text (the issues splitter decides what it opens), but on a line of its own.
        this.push(line.slice(0, line.lastIndexOf(heading.content)).trim());
        this.push(heading.content);
        return;
      case 'basic':
      case 'summary':
        this.enter(heading.kind);
        if (heading.content !== null) this.push(heading.content);
        return;
      default:
        this.enter('other');
    }
  }

  private enter(state: State): void {
    if (this.state === 'issues' && state !== 'issues') this.issuesState = 'closed';
    if (state === 'issues') this.issuesState = 'open';
    this.state = state;
    this.pendingJoin = false;
  }

  private push(text: string): void {
    const line: RegionLine = { text, joinWithPrevious: this.pendingJoin };
    this.pendingJoin = false;
    switch (this.state) {
      case 'preamble':
        this.layout.preamble.push(text);
        this.lastPreambleIndex = this.index;
        return;
      case 'basic':
        this.layout.basic.push(line);
        return;
      case 'summary':
        this.layout.summary.push(line);
        return;
      case 'issues':
        this.layout.issues.push(line);
        return;
      default:
        return;
    }
  }

  private lastIssueLine(): string | null {
    const issues = this.layout.issues;
    return issues.length > 0 ? issues[issues.length - 1].text : null;
  }
}
