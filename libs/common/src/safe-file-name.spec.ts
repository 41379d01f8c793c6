import { safeFileName } from './safe-file-name';

describe('safeFileName', () => {
  it('keeps an ordinary Chinese name as it is', () => {
    expect(safeFileName('2023年工业发展专项资金绩效评价结果反馈表.docx')).toBe(
      '2023年工业发展专项资金绩效评价结果反馈表.docx',
    );
    expect(safeFileName('2026年预算绩效整改报告（盖章版）.pdf')).toBe('2026年预算绩效整改报告（盖章版）.pdf');
  });

  it('neutralises path traversal, directory parts and leading dots', () => {
    expect(safeFileName('C:\\fakepath\\反馈表.txt')).toBe('反馈表.txt');
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('../../etc/passwd.pdf')).toBe('passwd.pdf');
    expect(safeFileName('..\\..\\Windows\\system32\\报告.pdf')).toBe('报告.pdf');
    expect(safeFileName('..hidden.txt')).toBe('hidden.txt');
    expect(safeFileName('.htaccess')).toBe('htaccess');
    expect(safeFileName('报告..pdf')).toBe('报告.pdf');
    expect(safeFileName('..', { fallback: '佐证材料' })).toBe('佐证材料');
  });

  it('removes control, zero-width and bidi characters and replaces Windows-reserved ones', () => {
    expect(safeFileName('反馈\u0000表\r\n.txt')).toBe('反馈表.txt');
    expect(safeFileName('报告\u202efdp.exe')).toBe('报告fdp.exe');
    expect(safeFileName('\ufeff反馈表\u200b.txt')).toBe('反馈表.txt');
    expect(safeFileName('a<b>:c"d|e?f*.pdf')).toBe('a_b__c_d_e_f_.pdf');
  });

  it('normalises to NFC and drops lone surrogates', () => {
    expect(safeFileName('e\u0301.txt')).toBe('\u00e9.txt');
    expect(safeFileName('a\ud800b.txt')).toBe('ab.txt');
  });

  it('falls back when nothing is left', () => {
    expect(safeFileName(undefined)).toBe('document');
    expect(safeFileName('  / ', { fallback: 'pasted-text.txt' })).toBe('pasted-text.txt');
  });

  it('caps the length and keeps the extension', () => {
    const long = safeFileName(`${'评'.repeat(400)}.docx`);
    expect(Array.from(long)).toHaveLength(255);
    expect(long.endsWith('评.docx')).toBe(true);
    const short = safeFileName(`${'整'.repeat(300)}.pdf`, { maxChars: 120 });
    expect(Array.from(short)).toHaveLength(120);
    expect(short.endsWith('整.pdf')).toBe(true);
  });
});
