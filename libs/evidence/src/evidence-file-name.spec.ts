import { withDetectedExtension } from './evidence-file-name';

describe('stored evidence names carry the detected type', () => {
  it('replaces a contradicting extension and adds a missing one', () => {
    expect(withDetectedExtension('poly.html', 'pdf')).toBe('poly.pdf');
    expect(withDetectedExtension('整改报告', 'docx')).toBe('整改报告.docx');
    expect(withDetectedExtension('会议纪要.v2.exe', 'pdf')).toBe('会议纪要.v2.pdf');
  });

  it('keeps a matching name, a .jpeg JPEG and unknown detections', () => {
    expect(withDetectedExtension('报告.PDF', 'pdf')).toBe('报告.PDF');
    expect(withDetectedExtension('照片.jpeg', 'jpg')).toBe('照片.jpeg');
    expect(withDetectedExtension('数据.bin', 'unknown')).toBe('数据.bin');
  });
});
