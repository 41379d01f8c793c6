import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { body, heading, signature, title } from './docx-blocks';
import { chineseDate } from './letter-number';
import type { ReportFacts, ReportProblem } from './report-facts';

const cell = (text: string) =>
  new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, size: 21 })] })] });

function table(head: string[], rows: string[][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [head, ...rows].map((r) => new TableRow({ children: r.map(cell) })),
  });
}

const dateOrDash = (d: string | null) => (d ? chineseDate(d) : '—');

function problemBlock(p: ReportProblem, n: number): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [
    heading(`（${n}）问题${p.findingSeq}：${p.findingTitle}`),
    body(
      `责任单位：${p.unitName}；整改状态：${p.statusLabel}；整改期限：${chineseDate(p.currentDeadline)}` +
        (p.currentDeadline !== p.originalDeadline ? `（原期限${chineseDate(p.originalDeadline)}）` : '') +
        '。',
    ),
  ];
  if (p.findingText && p.findingText !== p.findingTitle) out.push(body(`问题描述：${p.findingText}`));
  out.push(body(`整改建议：${p.recommendation ?? '—'}`));
  out.push(
    body(
      p.measures.length
        ? `整改措施：${p.measures.map((m, i) => `${i + 1}. ${m.content}（${chineseDate(m.targetDate)}前）`).join('；')}。`
        : '整改措施：尚未提交整改方案。',
    ),
  );
  out.push(body(`佐证材料：${p.evidence.length ? `${p.evidence.length}份` : '无'}`));
  if (p.evidence.length)
    out.push(
      table(
        ['材料名称', '生效日期', 'SHA-256'],
        p.evidence.map((e) => [e.name, chineseDate(e.effectiveDate), e.sha256]),
      ),
    );
  out.push(body(`认定日期：${dateOrDash(p.reviewedDate)}；销号日期：${dateOrDash(p.closedDate)}。`));
  out.push(
    body(
      `督办情况：${p.rungs.length ? p.rungs.map((r) => `${chineseDate(r.date)}${r.label}`).join('，') : '未逾期督办'}。`,
    ),
  );
  return out;
}

/** Renders the 整改情况报告 (draft) as .docx: facts, the summary in figures, then each problem. */
export async function renderReportDocx(f: ReportFacts): Promise<Buffer> {
  const s = f.summary;
  const children: (Paragraph | Table)[] = [
    title(f.title),
    body(`报告范围：${f.scope}。本报告为系统根据整改台账自动生成的草稿，数据截至${chineseDate(f.date)}。`),
    heading('一、评价基本情况'),
    ...(f.evaluations.length
      ? [
          table(
            ['评价项目', '评价得分', '评价等级', '组织单位', '评价机构'],
            f.evaluations.map((e) => [
              e.projectName ?? e.title ?? '—',
              e.score === null ? '—' : String(e.score),
              e.grade ?? '—',
              e.organizer ?? '—',
              e.evaluator ?? '—',
            ]),
          ),
        ]
      : [body('无评价项目。')]),
    heading('二、整改总体情况'),
    body(
      `共发现问题${s.total}个，其中已销号${s.closed}个，整改中${s.ongoing}个（其中逾期${s.overdue}个），` +
        `已撤销${s.cancelled}个；整改完成率${s.completionRate === null ? '—' : `${s.completionRate}%`}；` +
        `批准延期${s.extensions}次。`,
    ),
    table(
      ['问题总数', '已销号', '整改中', '逾期未完成', '已撤销', '完成率', '延期次数'],
      [
        [
          String(s.total),
          String(s.closed),
          String(s.ongoing),
          String(s.overdue),
          String(s.cancelled),
          s.completionRate === null ? '—' : `${s.completionRate}%`,
          String(s.extensions),
        ],
      ],
    ),
    heading('三、问题整改情况'),
    ...f.problems.flatMap((p, i) => problemBlock(p, i + 1)),
    ...signature(f.issuer, chineseDate(f.date)),
  ];
  const doc = new Document({ creator: f.issuer, title: f.title, sections: [{ properties: {}, children }] });
  return Packer.toBuffer(doc);
}
