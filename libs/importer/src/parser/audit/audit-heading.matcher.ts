import { readLeadingMarker, type MarkerFamily } from '../marker-scanner';

export interface AuditHeading {
  /** the problem as the heading states it, without number, 关于“…”, or 的整改情况 */
  title: string;
  /** text after the heading sentence on the same line */
  rest: string;
  number: number | null;
  style: 'label' | 'guanyu' | 'rectified' | 'numbered';
  family: MarkerFamily | null;
}

const CN = '[一二三四五六七八九十百零〇]{1,7}';
const LABEL = new RegExp(`^问题\\s?(${CN}|[0-9０-９]{1,3})\\s?[：:、.．]\\s*(.+)$`);
const GUANYU =
  /^关于\s*[“"「『]?(.{2,120}?)[”"」』]?\s*的?问题(?:的?整改(?:落实)?情况)?\s*[。.．:：]?\s*(.*)$/;
const RECTIFIED = /^(.{2,120}?)(?:的问题|问题)\s*的?整改(?:落实)?情况\s*[。.．:：]?\s*(.*)$/;
/** A heading line longer than this is a paragraph that happens to start with a number. */
const HEADING_MAX = 300;

/** "审计发现问题的整改情况" names a section, not a problem. */
const GENERIC =
  /^(?:.{0,20}(?:审计|检查|巡视|巡察|评价)(?:发现|指出|反馈|提出)?(?:的)?|发现|指出|相关|有关|上述|以上|各项|具体)$/;
/** Labels of what was done about a problem; under an audit heading they are body text, never a problem. */
export const MEASURE_LABEL =
  /^(?:[0-9０-９]{1,2}\s*[.．、]\s*|[（(][0-9一二三四五六七八九十]{1,2}[)）]\s*)?(?:整改(?:情况|措施|结果|进展|成效|落实情况|完成情况|时限|期限|责任人|责任单位)|下一步(?:工作)?(?:打算|措施|计划|安排)?|责任单位|责任人|原因分析|审计建议)\s*[。.．:：]?/;

/** Reads one line as an audit problem heading, or null. */
export function matchAuditHeading(line: string, next: string | undefined): AuditHeading | null {
  const heading = readHeading(line, next);
  // A heading with nothing readable in its title ("问题一：；") is noise, never a finding.
  return heading !== null && /[\u4e00-\u9fa5A-Za-z0-9]/.test(heading.title) ? heading : null;
}

function readHeading(line: string, next: string | undefined): AuditHeading | null {
  if (line.length > HEADING_MAX || MEASURE_LABEL.test(line)) return null;
  const label = LABEL.exec(line);
  if (label) {
    const { title, rest } = splitSentence(label[2]);
    return { title, rest, number: numberOf(label[1]), style: 'label', family: 'label-problem' };
  }
  const marker = readLeadingMarker(line);
  const family = marker && marker.start === 0 && marker.family !== 'cn-shi' ? marker.family : null;
  const body = family && marker ? line.slice(marker.end).trim() : line.trim();
  // The report's own title ("关于…审计发现问题整改情况的报告") and section labels are not problems.
  if (/报告|通知|的函$/.test(body)) return null;
  const guanyu = GUANYU.exec(body);
  if (guanyu && !GENERIC.test(clean(guanyu[1])))
    return {
      title: clean(guanyu[1]),
      rest: guanyu[2],
      number: marker?.value ?? null,
      style: 'guanyu',
      family,
    };
  const rectified = RECTIFIED.exec(body);
  if (rectified && !/[。；;]/.test(rectified[1]) && !GENERIC.test(clean(rectified[1]))) {
    return {
      title: clean(rectified[1]),
      rest: rectified[2],
      number: marker?.value ?? null,
      style: 'rectified',
      family,
    };
  }
  // "（一）部分资金未及时拨付。" followed by "整改情况：…": the measures label tells it is a problem.
  if (family && marker && next !== undefined && MEASURE_LABEL.test(next)) {
    const { title, rest } = splitSentence(body);
    if (title !== '' && !GENERIC.test(title) && !/整改(?:落实)?情况$/.test(title)) {
      return { title, rest, number: marker.value, style: 'numbered', family };
    }
  }
  return null;
}

export function countAuditHeadings(segments: string[]): number {
  let n = 0;
  for (let i = 0; i < segments.length; i++) {
    const h = matchAuditHeading(segments[i], segments[i + 1]);
    if (h && h.style !== 'numbered') n++;
  }
  return n;
}

function numberOf(raw: string): number | null {
  const m = readLeadingMarker(`问题${raw}：`);
  return m?.value ?? null;
}

function splitSentence(text: string): { title: string; rest: string } {
  const stop = text.search(/[。！？；;]/);
  if (stop === -1) return { title: clean(text), rest: '' };
  return { title: clean(text.slice(0, stop)), rest: text.slice(stop + 1).trim() };
}

function clean(title: string): string {
  return title
    .replace(/^[“"「『]|[”"」』]$/g, '')
    .replace(/[，,、：:]+$/, '')
    .trim();
}
