import { DATE_SOURCE, parseWrittenDate } from '../text/chinese-date.util';

/** "乐财绩函〔2023〕5号", "珠财绩〔2023〕18号", "景工信文[2023]42号". */
const DOC_NUMBER =
  /[\u4e00-\u9fa5]{1,12}\s*[〔［[【(（]\s*(?:19|20)[0-9]{2}\s*[〕］\]】)）]\s*第?\s*[0-9]{1,5}\s*号/;
const DOC_NUMBER_LABEL = /^(?:文号|发文字号)\s*[:：]\s*/;
const HEAD_SEGMENTS = 15;
const DOC_NUMBER_MAX = 40;
const SHORT_LINE = 80;
const ADDRESSEE = /^([\u4e00-\u9fa5（）()、，,]{2,60}?)\s*[:：]$/;
const ORG_SUFFIX = /(?:局|厅|委员会|委|政府|办公室|办|中心|院|站|所|公司|事务所|部|处|科)$/;
const DATE_LINE = new RegExp(`^(?:(?:报告|成文|印发|发文|落款)?日期\\s*[:：]\\s*)?${DATE_SOURCE}$`);
const DEADLINE = new RegExp(
  `(?:于|在|请于|并于|须于|务必于)\\s*(${DATE_SOURCE})\\s*(?:前|之前|以前)[^。；;]{0,60}?(?:报送|报|提交|反馈|上报|完成|整改|送)`,
);
const DEADLINE_LABEL = new RegExp(
  `(?:整改期限|整改时限|报送时限|截止时间|截止日期)\\s*[:：为]?\\s*(${DATE_SOURCE})`,
);

/** 文号: a segment that is nothing but the number (a reference inside prose is another document's). */
export function findDocumentNumber(segments: string[]): string | null {
  for (const raw of segments.slice(0, HEAD_SEGMENTS)) {
    if (raw.length > DOC_NUMBER_MAX) continue;
    const segment = raw.replace(DOC_NUMBER_LABEL, '').trim();
    const m = DOC_NUMBER.exec(segment);
    if (m && m.index === 0 && segment.length <= m[0].length + 2) return m[0].replace(/\s+/g, '');
  }
  return null;
}

/** "市交通运输局：" alone on a line near the top: whom the letter or report is addressed to. */
export function findAddressee(segments: string[]): string | null {
  for (const segment of segments.slice(0, HEAD_SEGMENTS)) {
    if (segment.length > SHORT_LINE) continue;
    const m = ADDRESSEE.exec(segment);
    if (m && ORG_SUFFIX.test(m[1].replace(/[、，,].*$/, ''))) return m[1];
  }
  return null;
}

/** The signing date: the last date standing alone on its line, or a labelled one. */
export function findDocumentDate(segments: string[]): string | null {
  for (let i = segments.length - 1; i >= 0; i--) {
    const segment = segments[i].replace(/\s+/g, '');
    if (segment.length <= 30 && DATE_LINE.test(segment)) return parseWrittenDate(segment);
  }
  return null;
}

/** "于2023年2月18日前将整改报告报送…", "整改期限：2023年12月31日". */
export function findRectificationDeadline(text: string): string | null {
  const flat = text.replace(/\s+/g, '');
  const m = DEADLINE.exec(flat) ?? DEADLINE_LABEL.exec(flat);
  return m ? parseWrittenDate(m[1]) : null;
}

/** The letter's sender: "乐平市财政局关于…的函" → 乐平市财政局, else the letterhead or signature. */
export function findSender(segments: string[]): string | null {
  for (const segment of segments.slice(0, 6)) {
    const m = /^([\u4e00-\u9fa5]{2,30}?)关于/.exec(segment.slice(0, SHORT_LINE));
    if (m && ORG_SUFFIX.test(m[1])) return m[1];
  }
  const letterhead = segments[0];
  if (
    letterhead &&
    letterhead.length <= 30 &&
    /^[\u4e00-\u9fa5]+$/.test(letterhead) &&
    ORG_SUFFIX.test(letterhead)
  ) {
    return letterhead;
  }
  return findSignature(segments);
}

/** The organisation signing at the end (the line before the date). */
export function findSignature(segments: string[]): string | null {
  for (let i = segments.length - 1; i >= Math.max(0, segments.length - 6); i--) {
    const s = segments[i];
    if (s.length <= 30 && /^[\u4e00-\u9fa5（）()]+$/.test(s) && ORG_SUFFIX.test(s)) return s;
  }
  return null;
}

/** The text says the problems are listed in an attachment rather than in the text itself. */
export function mentionsProblemsInAttachment(text: string): boolean {
  const flat = text.replace(/\s+/g, '');
  return /(?:问题|意见|反馈表|清单)[^。；]{0,20}(?:详见|见|附)附件|[（(]见附件[0-9一二三]*[)）]|附件[0-9一二三]*[:：][^。\n]{0,60}(?:意见|问题|反馈表|清单)/.test(
    flat,
  );
}
