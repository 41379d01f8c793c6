import { AlignmentType, BorderStyle, Paragraph, TextRun } from 'docx';

/**
 * Paragraph shapes of a 公文 (GB/T 9704 in spirit): 方正小标宋 title, 仿宋 body with a two-character first-line
 * indent, the issuing organ in red above a red rule. Fonts fall back to whatever the reader's Word has.
 */
const BODY_FONT = '仿宋_GB2312';
const TITLE_FONT = '方正小标宋简体';
const BODY_SIZE = 32; // 三号, in half-points
const RED = 'C00000';

export function organHeading(issuer: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 200 },
    children: [new TextRun({ text: issuer, font: TITLE_FONT, size: 56, bold: true, color: RED })],
  });
}

/** The 文号 centred under the organ, with the red rule under it. */
export function numberLine(docNumber: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 400 },
    border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 8 } },
    children: [new TextRun({ text: docNumber, font: BODY_FONT, size: BODY_SIZE })],
  });
}

export function title(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 200, after: 400 },
    children: [new TextRun({ text, font: TITLE_FONT, size: 44 })],
  });
}

export function heading(text: string): Paragraph {
  return new Paragraph({
    spacing: { before: 200, after: 100 },
    indent: { firstLine: 640 },
    children: [new TextRun({ text, font: '黑体', size: BODY_SIZE })],
  });
}

/** The addressee (主送机关), flush left, ending with a full-width colon. */
export function addressee(unitName: string): Paragraph {
  return new Paragraph({
    children: [new TextRun({ text: `${unitName}：`, font: BODY_FONT, size: BODY_SIZE })],
  });
}

export function body(text: string): Paragraph {
  return new Paragraph({
    indent: { firstLine: 640 },
    spacing: { line: 560 },
    children: [new TextRun({ text, font: BODY_FONT, size: BODY_SIZE })],
  });
}

/** 落款 and 成文日期, right-aligned. */
export function signature(issuer: string, date: string): Paragraph[] {
  const run = (text: string) => new TextRun({ text, font: BODY_FONT, size: BODY_SIZE });
  return [
    new Paragraph({ spacing: { before: 600 }, alignment: AlignmentType.RIGHT, children: [run(issuer)] }),
    new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(date)] }),
  ];
}
