import { readLeadingMarker, type MarkerCandidate } from './marker-scanner';

export type HeadingKind = 'combined' | 'problems' | 'recs' | 'basic' | 'summary' | 'other';

export interface HeadingMatch {
  kind: HeadingKind;
  /** numbering in front of the heading ("二、相关建议"), used to spot the next sibling section */
  marker: MarkerCandidate | null;
  /** text after "heading：" on the same line, or null when the heading stands alone */
  content: string | null;
}

const PROBLEM_CORE = '(?:(?:审计|评价|检查|绩效评价)?发现的?)?(?:存在的?)?(?:主要|突出)?';

/**
 * Heading phrasings seen in real forms. They are matched against a whole line (optionally
 * numbered, optionally followed by a colon and content), never inside prose, which is why
 * short words like "问题" or "建议" are safe here.
 */
export const HEADING_PHRASES: Record<HeadingKind, string> = {
  combined: `${PROBLEM_CORE}问题(?:及|与|和|、)(?:整改|改进|相关|有关)?(?:意见|建议|措施)(?:及|和|与)?(?:建议)?`,
  problems: `${PROBLEM_CORE}(?:问题|不足)(?:及其?原因(?:分析)?|和原因(?:分析)?|和不足|与不足|清单)?`,
  recs: [
    '(?:(?:相关|改进|整改|意见|审计|对策|工作|有关|主要|评价|几点|优化|完善|管理)(?:意见)?(?:及|和|与|、)?)?建议',
    '下一步(?:工作|改进|整改)?(?:措施|计划|打算|建议|工作|方向)',
    '(?:相关|有关)?(?:整改|改进)?(?:措施|对策)(?:及|和|与|、)建议',
    '对策(?:和|与|及)?(?:思考|建议)',
    '(?:整改|改进)(?:意见|措施)',
  ].join('|'),
  basic: '(?:项目)?(?:基本情况|基本概况|概况)(?:概述)?',
  summary:
    '(?:项目)?(?:主要(?:绩效|成效|成绩)(?:情况)?|绩效(?:目标)?(?:实现|完成)?情况|取得的?(?:主要)?成效|绩效(?:表现|分析))',
  other: [
    '(?:综合)?评价(?:结论|结果|意见|等级)(?:及等级|和等级)?',
    '(?:综合)?评价(?:得分|评分)(?:情况)?',
    '(?:绩效)?(?:评价)?指标(?:体系)?(?:及|和)?(?:得分|评分)(?:情况|表)?',
    '得分情况',
    '评分(?:情况|表)',
    '结果应用(?:建议)?',
    '整改要求',
    '(?:其他|其它)(?:需要)?(?:说明|补充)的?(?:问题|事项|情况)?',
    '评价(?:工作)?(?:开展)?情况',
    '评价(?:依据|方法|过程|范围|对象)',
    '备注',
  ].join('|'),
};

const ORDER: HeadingKind[] = ['combined', 'problems', 'recs', 'basic', 'summary', 'other'];
const STANDALONE = new Map(ORDER.map((k) => [k, new RegExp(`^(?:${HEADING_PHRASES[k]})\\s*[:：]?$`)]));
const PART_PREFIX = /^第[一二三四五六七八九十]{1,3}(?:部分|章|节)\s*[、，,：:.．]?\s*/;
const MAX_HEADING_LENGTH = 24;
const NOT_HEADING_MARKERS = new Set(['cn-shi', 'label-problem', 'label-rec']);

export function matchHeading(line: string): HeadingMatch | null {
  const leading = readLeadingMarker(line);
  const marker = leading && !NOT_HEADING_MARKERS.has(leading.family) ? leading : null;
  const rest = (marker ? line.slice(marker.end) : line).trim().replace(PART_PREFIX, '');
  if (rest === '') return null;
  const split = splitInlineHeading(rest);
  for (const kind of ORDER) {
    const re = STANDALONE.get(kind)!;
    if (rest.length <= MAX_HEADING_LENGTH && re.test(rest)) return { kind, marker, content: null };
    if (split !== null && re.test(split.head)) return { kind, marker, content: split.content || null };
  }
  return null;
}

/**
 * "存在问题：1.…" or, without a colon, "存在的问题 1. …" (a heading and its first numbered item
 * run together when <p> tags are lost).
 */
function splitInlineHeading(rest: string): { head: string; content: string } | null {
  const colonAt = rest.search(/[:：]/);
  if (colonAt > 0 && colonAt <= MAX_HEADING_LENGTH) {
    return { head: rest.slice(0, colonAt).trim(), content: rest.slice(colonAt + 1).trim() };
  }
  const spaceAt = rest.indexOf(' ');
  if (spaceAt > 0 && spaceAt <= MAX_HEADING_LENGTH) {
    const content = rest.slice(spaceAt + 1).trim();
    const lead = readLeadingMarker(content);
    if (lead && lead.family !== 'cn-shi' && lead.value === 1)
      return { head: rest.slice(0, spaceAt), content };
  }
  return null;
}

const TITLE_WORDS = /反馈表|评价报告|评价结果|反馈意见|评价意见书|绩效评价|自评报告|自评表/;
const TITLE_MAX = 60;

/** A document title line such as "景德镇市财政支出绩效评价结果反馈表". */
export function isTitleLike(line: string): boolean {
  return (
    line.length <= TITLE_MAX && TITLE_WORDS.test(line) && !/[。；;，,！？]/.test(line) && !/[:：]/.test(line)
  );
}

/** Titles that only open a report (used to notice a second report on the same page). */
export function isReportTitle(line: string): boolean {
  return (
    isTitleLike(line) && /反馈表|评价报告|反馈意见|评价意见书|结果反馈|结果通知|自评报告|自评表/.test(line)
  );
}
