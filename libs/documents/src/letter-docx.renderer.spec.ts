import mammoth from 'mammoth';
import { letterFileName, renderLetterDocx } from './letter-docx.renderer';
import type { LetterFacts } from './letter-facts';

const facts: LetterFacts = {
  issuer: '景德镇市财政局',
  docNumber: '景财绩督〔2026〕7号',
  level: 2,
  unitName: '景德镇市工业和信息化局',
  projectName: '工业发展专项资金',
  evaluationTitle: '绩效评价结果反馈表',
  organizer: '景德镇市财政局',
  findingSeq: 3,
  findingTitle: '预算编制依据不全面',
  findingText: '预算编制依据不全面，测算明细缺失。',
  issuedDate: '2026-10-09',
  originalDeadline: '2026-11-08',
  currentDeadline: '2026-11-20',
  extensions: 1,
  statusLabel: '整改中',
  earlierRungs: [{ level: 1, label: '提醒函', date: '2026-11-21', docNumber: '景财绩督〔2026〕3号' }],
  letterDate: '2026-11-28',
  replyBy: '2026-12-03',
  contact: '绩效管理科，联系电话：0798-8222000',
};

describe('renderLetterDocx', () => {
  it('produces a .docx that reads back with the facts of a 督办通知书', async () => {
    const buf = await renderLetterDocx(facts);
    expect(buf.subarray(0, 2).toString()).toBe('PK');
    const { value } = await mammoth.extractRawText({ buffer: buf });
    for (const fact of [
      '景德镇市财政局',
      '景财绩督〔2026〕7号',
      '关于“工业发展专项资金”绩效评价问题整改逾期的督办通知书',
      '景德镇市工业和信息化局：',
      '问题3：预算编制依据不全面',
      '2026年10月9日下发',
      '经批准延期1次至2026年11月20日',
      '于2026年11月21日发出提醒函（景财绩督〔2026〕3号）',
      '于2026年12月3日前书面报告',
      '0798-8222000',
      '2026年11月28日',
    ])
      expect(value).toContain(fact);
  });

  it('names the file after the 文号 and the kind of letter', () => {
    expect(letterFileName(facts)).toBe('景财绩督〔2026〕7号督办通知书.docx');
  });
});
