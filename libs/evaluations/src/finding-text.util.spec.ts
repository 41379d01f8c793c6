import { deriveTitle, distributePoints, partsAtOffset } from './finding-text.util';

describe('finding text helpers', () => {
  it('derives a title from the first sentence without its marker', () => {
    expect(deriveTitle('二是项目预算编制依据不全面。2023 年工业发展专项资金项目存在…')).toBe(
      '项目预算编制依据不全面',
    );
    expect(deriveTitle('（三）制度建设不够完备；详见附件')).toBe('制度建设不够完备');
    expect(deriveTitle('2. 贷款贴息项目立项程序不足\n具体为')).toBe('贷款贴息项目立项程序不足');
    expect(deriveTitle('。')).toBe('。');
    expect(Array.from(deriveTitle('很'.repeat(300)))).toHaveLength(200);
  });

  it('splits at an offset into two trimmed parts', () => {
    expect(partsAtOffset('甲问题。 乙问题。', 4)).toEqual(['甲问题。', '乙问题。']);
  });

  it.each([0, 9, -1, 2.5])('refuses offset %p outside the text', (offset) => {
    expect(() => partsAtOffset('甲问题。 乙问题。', offset)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });

  it('refuses an offset leaving an empty part or cutting a surrogate pair', () => {
    expect(() => partsAtOffset('甲问题。   ', 4)).toThrow(/为空/);
    expect(() => partsAtOffset('a😀b', 2)).toThrow(/字符中间/);
  });

  it('sends each sub-point to the part that holds its text', () => {
    const one = { label: '一是', text: '项目绩效目标编制不够严谨。', details: ['①'] };
    const two = { label: '二是', text: '项目预算编制依据不全面。', details: [] };
    const gone = { label: '三是', text: '已删去的内容', details: [] };
    expect(
      distributePoints(
        [one, two, gone],
        ['总述。一是项目绩效目标编制不够严谨。', '二是项目预算编制依据不全面。'],
      ),
    ).toEqual([[one], [two]]);
  });
});
