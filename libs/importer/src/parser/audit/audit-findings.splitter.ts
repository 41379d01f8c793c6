import { readLeadingMarker } from '../marker-scanner';
import { isSignatureOrganisation, isTerminatorLine } from '../noise-patterns';
import { matchAuditHeading, type AuditHeading } from './audit-heading.matcher';

export interface AuditItem {
  heading: AuditHeading;
  /** the heading line and everything under it, one line per paragraph */
  text: string;
  /** the heading line as written, used to find the item in the source */
  headingLine: string;
}

/**
 * Audit and 审计整改 reports list each problem as a heading followed by what was done about it
 * (整改情况 / 整改措施 / 下一步). The heading is the finding; the lines under it are its body.
 * An item ends at the next heading, at the next sibling section ("二、下一步工作打算"), or at the
 * signature.
 */
export function splitAuditFindings(segments: string[]): AuditItem[] {
  const items: AuditItem[] = [];
  let open: { heading: AuditHeading; headingLine: string; lines: string[] } | null = null;
  let sectionFamily: string | null = null;
  const close = (): void => {
    if (open)
      items.push({ heading: open.heading, headingLine: open.headingLine, text: open.lines.join('\n') });
    open = null;
  };
  for (let i = 0; i < segments.length; i++) {
    const line = segments[i];
    const heading = matchAuditHeading(line, segments[i + 1]);
    const usable =
      heading !== null &&
      (items.length === 0 && open === null ? true : sameStyle(heading, open?.heading ?? items[0].heading));
    if (usable && heading) {
      close();
      open = {
        heading,
        headingLine: line,
        lines: [heading.title + (heading.rest ? `。${heading.rest}` : '')],
      };
      continue;
    }
    if (open === null) {
      const marker = readLeadingMarker(line);
      if (marker?.lineStart && marker.start === 0) sectionFamily = marker.family;
      continue;
    }
    const marker = readLeadingMarker(line);
    const siblingSection = marker !== null && marker.start === 0 && marker.family === sectionFamily;
    if (siblingSection || isTerminatorLine(line) || isSignatureOrganisation(line, lastLine(open.lines))) {
      close();
      continue;
    }
    (open.lines as string[]).push(line);
  }
  close();
  return items;
}

/** One list has one style ("问题一：" throughout); a stray match of another style is body text. */
function sameStyle(a: AuditHeading, b: AuditHeading): boolean {
  if (a.style === 'numbered' || b.style === 'numbered') return a.family === b.family;
  return a.style === b.style;
}

function lastLine(lines: string[]): string | null {
  return lines.length > 0 ? lines[lines.length - 1] : null;
}
