import { attachmentDisposition } from './content-disposition';

describe('attachmentDisposition', () => {
  it('sends a Chinese name as RFC 5987 UTF-8 with an ASCII fallback', () => {
    expect(attachmentDisposition('整改台账-2026-11-26.xlsx')).toBe(
      `attachment; filename="____-2026-11-26.xlsx"; filename*=UTF-8''%E6%95%B4%E6%94%B9%E5%8F%B0%E8%B4%A6-2026-11-26.xlsx`,
    );
  });

  it('neutralises quotes, backslashes and parameter separators in the fallback', () => {
    expect(attachmentDisposition('a"b\\c;d%.pdf')).toBe(
      `attachment; filename="a_b_c_d_.pdf"; filename*=UTF-8''a%22b%5Cc%3Bd%25.pdf`,
    );
  });

  it('cannot be used to inject a header line', () => {
    const header = attachmentDisposition('报告\r\nSet-Cookie: x=1.pdf');
    expect(header).not.toMatch(/[\r\n]/);
  });

  it('round-trips through decodeURIComponent', () => {
    const name = '景德镇市 整改报告（第二批）①.pdf';
    const star = /filename\*=UTF-8''(.+)$/.exec(attachmentDisposition(name))![1];
    expect(decodeURIComponent(star)).toBe(name);
  });
});
