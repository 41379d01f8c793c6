import { dropCjkSpaces, layoutDocument, layoutPage, type PdfTextItem } from './pdf-layout';

const run = (s: string, x: number, y: number, size = 10): PdfTextItem => ({
  s,
  x,
  y,
  w: s.length * size,
  h: size,
  eol: false,
});

describe('PDF text layout', () => {
  it('puts runs back in reading order: top to bottom, then left to right', () => {
    // Content-stream order as generators often write it: the body first, the title last, a line split.
    const items = [
      run('二、存在的问题', 50, 700),
      run('反馈表', 80, 760),
      run('绩效评价结果', 20, 760),
      run('一、', 30, 730),
      run('基本情况', 50, 730),
    ];
    expect(layoutPage(items)).toEqual(['绩效评价结果反馈表', '一、基本情况', '二、存在的问题']);
  });

  it('keeps table cells apart with a TAB, and words of one cell together', () => {
    const items = [
      run('评价分值', 50, 700),
      run('80.08', 160, 700),
      run('评价结论', 300, 700),
      run('良', 420, 700),
      run('Performance', 50, 680),
      run('review', 50 + 11 * 10 + 3, 680),
    ];
    expect(layoutPage(items)).toEqual(['评价分值\t80.08\t评价结论\t良', 'Performance review']);
  });

  it('treats runs with slightly different baselines (mixed fonts) as one line', () => {
    expect(layoutPage([run('2023', 50, 700.5), run('年度', 90, 699.8)])).toEqual(['2023年度']);
  });

  it('drops the spaces writers set between Chinese and digits, keeps those between Latin words', () => {
    expect(dropCjkSpaces('已于 2024 年 6 月完成 PDF 转换：Performance review')).toBe(
      '已于2024年6月完成PDF转换：Performance review',
    );
  });

  it('joins pages with a blank line and skips empty pages', () => {
    expect(layoutDocument([[run('第一页', 50, 700)], [], [run('第二页', 50, 700)]])).toBe('第一页\n\n第二页');
  });
});
