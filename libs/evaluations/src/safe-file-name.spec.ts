import { safeFileName } from './safe-file-name';

describe('safeFileName', () => {
  it('keeps an ordinary Chinese name as it is', () => {
    expect(safeFileName('2023年工业发展专项资金绩效评价结果反馈表.docx')).toBe(
      '2023年工业发展专项资金绩效评价结果反馈表.docx',
    );
  });

  it('drops any directory part and leading dots', () => {
    expect(safeFileName('C:\\fakepath\\反馈表.txt')).toBe('反馈表.txt');
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('..hidden.txt')).toBe('hidden.txt');
  });

  it('removes control, zero-width and bidi characters', () => {
    expect(safeFileName('反馈\u0000表\r\n.txt')).toBe('反馈表.txt');
    expect(safeFileName('报告\u202excod.exe')).toBe('报告xcod.exe');
    expect(safeFileName('\ufeff反馈表\u200b.txt')).toBe('反馈表.txt');
  });

  it('normalises to NFC and drops lone surrogates', () => {
    expect(safeFileName('e\u0301.txt')).toBe('\u00e9.txt');
    expect(safeFileName('a\ud800b.txt')).toBe('ab.txt');
  });

  it('falls back when nothing is left', () => {
    expect(safeFileName(undefined)).toBe('document');
    expect(safeFileName('  / ', 'pasted-text.txt')).toBe('pasted-text.txt');
  });

  it('caps the length at 255 characters and keeps the extension', () => {
    const name = safeFileName(`${'评'.repeat(400)}.docx`);
    expect(Array.from(name)).toHaveLength(255);
    expect(name.endsWith('评.docx')).toBe(true);
  });
});
