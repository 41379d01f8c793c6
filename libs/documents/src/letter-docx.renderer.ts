import { Document, Packer } from 'docx';
import { addressee, body, heading, numberLine, organHeading, signature, title } from './docx-blocks';
import { chineseDate } from './letter-number';
import type { LetterFacts } from './letter-facts';
import { LETTER_KINDS, LETTER_REQUIREMENTS } from './letter-titles';

/** The letter's title: 关于《项目》绩效评价问题整改逾期的提醒函. */
export function letterTitle(f: Pick<LetterFacts, 'projectName' | 'level'>): string {
  return `关于“${f.projectName}”绩效评价问题整改逾期的${LETTER_KINDS[f.level]}`;
}

export function letterFileName(f: Pick<LetterFacts, 'docNumber' | 'level'>): string {
  return `${f.docNumber}${LETTER_KINDS[f.level]}.docx`;
}

/** Renders one 督办文书 as .docx in 公文 shape; pure apart from the library's own packaging. */
export async function renderLetterDocx(f: LetterFacts): Promise<Buffer> {
  const history = [
    `该问题于${chineseDate(f.issuedDate)}下发你单位整改，整改期限为${chineseDate(f.originalDeadline)}` +
      (f.currentDeadline !== f.originalDeadline
        ? `，经批准延期${f.extensions}次至${chineseDate(f.currentDeadline)}`
        : '') +
      `。截至${chineseDate(f.letterDate)}，该问题仍未完成整改（当前状态：${f.statusLabel}）。`,
  ];
  if (f.earlierRungs.length)
    history.push(
      `此前我局已${f.earlierRungs
        .map((r) => `于${chineseDate(r.date)}发出${r.label}${r.docNumber ? `（${r.docNumber}）` : ''}`)
        .join('，')}。`,
    );
  const children = [
    organHeading(f.issuer),
    numberLine(f.docNumber),
    title(letterTitle(f)),
    addressee(f.unitName),
    body(
      `根据${f.organizer ?? f.issuer}对“${f.projectName}”${f.evaluationTitle ? `（${f.evaluationTitle}）` : ''}` +
        `的绩效评价结果，你单位需对以下问题进行整改：`,
    ),
    heading('一、问题'),
    body(`问题${f.findingSeq}：${f.findingTitle}`),
    ...(f.findingText && f.findingText !== f.findingTitle ? [body(f.findingText)] : []),
    heading('二、整改情况'),
    ...history.map(body),
    heading('三、有关要求'),
    body(LETTER_REQUIREMENTS[f.level].replace('{by}', chineseDate(f.replyBy))),
    body(`联系人：${f.contact}`),
    ...signature(f.issuer, chineseDate(f.letterDate)),
  ];
  const doc = new Document({
    creator: f.issuer,
    title: letterTitle(f),
    sections: [{ properties: {}, children }],
  });
  return Packer.toBuffer(doc);
}
