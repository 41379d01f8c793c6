import {
  findAddressee,
  findDocumentDate,
  findDocumentNumber,
  findRectificationDeadline,
  findSender,
  mentionsProblemsInAttachment,
} from './letter-facts.parser';

describe('letter facts', () => {
  const letter = [
    '乐平市财政局',
    '乐财绩函〔2023〕5号',
    '乐平市财政局关于反馈审核意见的函',
    '市交通运输局：',
    '根据《办法》（乐财预〔2022〕9号）规定，现反馈如下。',
    '乐平市财政局',
    '2023年1月18日',
  ];

  it('reads 文号 only when it stands alone, never a document cited in prose', () => {
    expect(findDocumentNumber(letter)).toBe('乐财绩函〔2023〕5号');
    expect(findDocumentNumber(['根据《办法》（乐财预〔2022〕9号）规定'])).toBeNull();
    expect(findDocumentNumber(['文号：景工信文[2023]42号'])).toBe('景工信文[2023]42号');
  });

  it('reads addressee, sender and signing date', () => {
    expect(findAddressee(letter)).toBe('市交通运输局');
    expect(findAddressee(['经审核，存在问题如下：'])).toBeNull();
    expect(findSender(letter)).toBe('乐平市财政局');
    expect(findDocumentDate(letter)).toBe('2023-01-18');
  });

  it.each([
    ['请于2023年2月18日前将整改报告报送市财政局。', '2023-02-18'],
    ['并于 二〇二三年九月三十日 前将整改情况书面报送我局', '2023-09-30'],
    ['整改期限：2024年6月30日', '2024-06-30'],
    ['请于收到本函之日起30日内报送。', null],
    ['2023年2月18日，评价组进驻现场。', null],
  ])('deadline in "%s" → %s', (text, deadline) => {
    expect(findRectificationDeadline(text)).toBe(deadline);
  });

  it('notices problems listed in an attachment', () => {
    expect(mentionsProblemsInAttachment('具体问题详见附件。')).toBe(true);
    expect(mentionsProblemsInAttachment('现将评价结果及存在问题（见附件）反馈给你单位')).toBe(true);
    expect(mentionsProblemsInAttachment('附件：审核意见')).toBe(true);
    expect(mentionsProblemsInAttachment('附件：联系人名单')).toBe(false);
  });
});
