import { sanitizeEvidenceFileName } from './evidence-file-name';

describe('sanitizeEvidenceFileName', () => {
  it('keeps an ordinary Chinese name', () => {
    expect(sanitizeEvidenceFileName('2026年预算绩效整改报告（盖章版）.pdf')).toBe(
      '2026年预算绩效整改报告（盖章版）.pdf',
    );
  });

  it('neutralises path traversal and directory parts', () => {
    expect(sanitizeEvidenceFileName('../../etc/passwd.pdf')).toBe('passwd.pdf');
    expect(sanitizeEvidenceFileName('..\\..\\Windows\\system32\\报告.pdf')).toBe('报告.pdf');
    expect(sanitizeEvidenceFileName('C:\\fakepath\\整改说明.docx')).toBe('整改说明.docx');
    expect(sanitizeEvidenceFileName('..')).toBe('佐证材料');
    expect(sanitizeEvidenceFileName('报告..pdf')).toBe('报告.pdf');
    expect(sanitizeEvidenceFileName('.htaccess')).toBe('htaccess');
  });

  it('removes control, bidi and zero-width characters and Windows-reserved ones', () => {
    expect(sanitizeEvidenceFileName('整改\u0000报告\r\n.pdf')).toBe('整改报告.pdf');
    expect(sanitizeEvidenceFileName('报告\u202efdp.exe')).toBe('报告fdp.exe');
    expect(sanitizeEvidenceFileName('a<b>:c"d|e?f*.pdf')).toBe('a_b__c_d_e_f_.pdf');
  });

  it('caps the length and keeps the extension', () => {
    const name = sanitizeEvidenceFileName(`${'整'.repeat(300)}.pdf`);
    expect(Array.from(name)).toHaveLength(120);
    expect(name.endsWith('整.pdf')).toBe(true);
  });

  it('falls back when nothing is left', () => {
    expect(sanitizeEvidenceFileName(undefined)).toBe('佐证材料');
    expect(sanitizeEvidenceFileName(' / ')).toBe('佐证材料');
  });
});
