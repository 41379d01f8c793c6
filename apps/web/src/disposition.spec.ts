import { attachmentDisposition } from '../../../libs/common/src/content-disposition';
import { fileNameFromDisposition } from '../public/assets/disposition.js';

describe('file name from Content-Disposition', () => {
  it('prefers the RFC 5987 filename* (UTF-8) over the ASCII fallback', () => {
    expect(
      fileNameFromDisposition(
        `attachment; filename="____-2026-11-27.xlsx"; filename*=UTF-8''%E6%95%B4%E6%94%B9%E5%8F%B0%E8%B4%A6-2026-11-27.xlsx`,
      ),
    ).toBe('整改台账-2026-11-27.xlsx');
  });

  it('reads what the server’s own attachmentDisposition writes, whatever the name', () => {
    for (const name of [
      '整改台账-2026-11-27.xlsx',
      '佐证 (最终版)；签字*.pdf',
      'report 100%.pdf',
      "it's.txt",
    ])
      expect(fileNameFromDisposition(attachmentDisposition(name))).toBe(name);
  });

  it('accepts ISO-8859-1, quoted and token forms, in any order and case', () => {
    expect(fileNameFromDisposition(`attachment; FILENAME*=iso-8859-1'en'caf%E9.txt`)).toBe('café.txt');
    expect(fileNameFromDisposition('attachment; filename="a \\"quoted\\" name.pdf"')).toBe(
      'a "quoted" name.pdf',
    );
    expect(fileNameFromDisposition('attachment; filename=plain.zip')).toBe('plain.zip');
    expect(fileNameFromDisposition(`attachment; filename*=UTF-8''%E4%B8%AD.txt; filename="x.txt"`)).toBe(
      '中.txt',
    );
  });

  it('falls back to the plain name when filename* is malformed or in an unknown charset', () => {
    expect(fileNameFromDisposition(`attachment; filename="ok.pdf"; filename*=UTF-8''%E4%B8`)).toBe('ok.pdf');
    expect(fileNameFromDisposition(`attachment; filename="ok.pdf"; filename*=GB2312''%D6%D0`)).toBe('ok.pdf');
  });

  it('never returns a path or control characters, and uses the fallback when there is no name', () => {
    expect(fileNameFromDisposition(`attachment; filename*=UTF-8''..%2F..%2Fetc%2Fpasswd`)).toBe('passwd');
    expect(fileNameFromDisposition('attachment; filename="C:\\\\temp\\\\x.pdf"')).toBe('x.pdf');
    expect(fileNameFromDisposition(`attachment; filename*=UTF-8''a%0D%0Ab.txt`)).toBe('ab.txt');
    expect(fileNameFromDisposition('attachment', '整改台账.xlsx')).toBe('整改台账.xlsx');
    expect(fileNameFromDisposition(null)).toBe('download');
    expect(fileNameFromDisposition(`attachment; filename*=UTF-8''..`)).toBe('download');
  });
});
