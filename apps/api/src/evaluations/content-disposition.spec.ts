import { attachmentDisposition } from './content-disposition';

describe('attachmentDisposition', () => {
  it('sends a Chinese name as RFC 5987 UTF-8 with an ASCII fallback', () => {
    expect(attachmentDisposition('反馈表(2023).txt')).toBe(
      `attachment; filename="___(2023).txt"; filename*=UTF-8''%E5%8F%8D%E9%A6%88%E8%A1%A8%282023%29.txt`,
    );
  });

  it('neutralises quotes and backslashes in the fallback', () => {
    expect(attachmentDisposition('a"b\\c.txt')).toBe(
      `attachment; filename="a_b_c.txt"; filename*=UTF-8''a%22b%5Cc.txt`,
    );
  });

  it('round-trips through decodeURIComponent', () => {
    const name = '景德镇市 绩效评价 反馈表 ①.docx';
    const star = /filename\*=UTF-8''(.+)$/.exec(attachmentDisposition(name))![1];
    expect(decodeURIComponent(star)).toBe(name);
  });
});
