import {
  AlignmentType,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { parseFeedbackForm } from '../parser/parse-feedback-form';
import { extractText } from './extract-text';

/** Builds a .docx shaped like the real forms: a title paragraph, then one big table. */
async function buildFeedbackDocx(): Promise<Buffer> {
  const cell = (...paragraphs: string[]): TableCell =>
    new TableCell({ children: paragraphs.map((p) => new Paragraph({ children: [new TextRun(p)] })) });
  const row = (...cells: TableCell[]): TableRow => new TableRow({ children: cells });
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      row(cell('评价组织机构'), cell('景德镇市财政局'), cell('项目主管部门'), cell('景德镇市工业和信息化局')),
      row(cell('项目单位名称'), cell('景德镇市工业和信息化局'), cell('项目起止时间'), cell('2023年1月-12月')),
      row(cell('评价机构'), cell('江西源起思成管理咨询有限公司'), cell('评价时间'), cell('2024年6月-7月')),
      row(cell('评价分值'), cell('80.08'), cell('评价结论'), cell('良')),
      row(
        cell('基本情况'),
        cell(
          '2023年工业发展专项资金项目预算2900万元，2023年申请到位1717万元。2023年实际支出1659万元，预算资金执行率96.62%。',
        ),
      ),
      row(cell('主要绩效情况'), cell('1. 强化政策引导，助力工业发展。', '2. 强化企业担保，稳固工业总盘。')),
      row(
        cell('主要问题与建议'),
        cell(
          '一、存在的问题',
          '1. 预算绩效管理待完善，预算编制依据不全面。一是项目绩效目标编制不够严谨。①绩效目标与实际工作内容未全面相关。②设置指标归类不够科学。二是项目预算编制依据不全面。',
          '2. 贷款贴息项目立项程序不足，工作管理有待加强。具体为：①事前绩效评估认识不足。②资金分配不够精准。',
          '二、相关建议',
          '1. 强化项目预算管理，结合实际编制预算。',
          '2. 规范项目立项程序，加强工作管理。',
        ),
      ),
    ],
  });
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: '景德镇市财政支出绩效评价结果反馈表', bold: true })],
          }),
          table,
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

describe('extractText — .docx built with the docx package', () => {
  let docx: Buffer;
  beforeAll(async () => {
    docx = await buildFeedbackDocx();
  });

  it('is recognised by content (no filename) and keeps table cells apart with TABs', async () => {
    const doc = await extractText(docx);
    expect(doc.format).toBe('docx');
    expect(doc.encoding).toBeNull();
    const lines = doc.text.split('\n');
    expect(lines[0]).toBe('景德镇市财政支出绩效评价结果反馈表');
    expect(lines).toContain('评价组织机构\t景德镇市财政局\t项目主管部门\t景德镇市工业和信息化局');
    expect(lines).toContain('评价分值\t80.08\t评价结论\t良');
    expect(doc.text).toContain('主要问题与建议\t一、存在的问题\n1. 预算绩效管理待完善');
  });

  it('parses into the same facts as the text form', async () => {
    const r = parseFeedbackForm((await extractText(docx, { filename: 'form.docx' })).text);
    expect(r.evaluation).toMatchObject({
      title: '景德镇市财政支出绩效评价结果反馈表',
      organizer: '景德镇市财政局',
      supervisingDepartment: '景德镇市工业和信息化局',
      projectUnit: '景德镇市工业和信息化局',
      projectPeriod: '2023年1月-12月',
      evaluator: '江西源起思成管理咨询有限公司',
      evaluationPeriod: '2024年6月-7月',
      score: 80.08,
      grade: '良',
      projectName: '2023年工业发展专项资金项目',
      budget: 2900,
      allocated: 1717,
      spent: 1659,
      executionRate: 96.62,
    });
    expect(r.evaluation.performanceSummary).toBe(
      '1. 强化政策引导，助力工业发展。\n2. 强化企业担保，稳固工业总盘。',
    );
    expect(r.findings.map((f) => [f.title, f.recommendationSeq])).toEqual([
      ['预算绩效管理待完善，预算编制依据不全面', 1],
      ['贷款贴息项目立项程序不足，工作管理有待加强', 2],
    ]);
    expect(r.findings[0].points).toEqual([
      {
        label: '一是',
        text: '项目绩效目标编制不够严谨。',
        details: ['绩效目标与实际工作内容未全面相关。', '设置指标归类不够科学。'],
      },
      { label: '二是', text: '项目预算编制依据不全面。', details: [] },
    ]);
    expect(r.findings[1].points).toEqual([
      { label: '', text: '具体为：', details: ['事前绩效评估认识不足。', '资金分配不够精准。'] },
    ]);
    expect(r.recommendations.map((x) => x.title)).toEqual([
      '强化项目预算管理，结合实际编制预算',
      '规范项目立项程序，加强工作管理',
    ]);
    expect(r.warnings).toEqual([]);
  });
});
