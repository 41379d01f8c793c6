import { parseOrdinal } from './chinese-numeral.util';
import { parseWrittenDate } from './chinese-date.util';
import { toSimplified } from './traditional-to-simplified';
import { isSiteFurniture } from './site-furniture.filter';

describe('text utilities for real documents', () => {
  it('reads written dates, arabic or Chinese numerals, and refuses impossible ones', () => {
    expect(parseWrittenDate('2023年2月18日')).toBe('2023-02-18');
    expect(parseWrittenDate('二〇二三年九月三十日')).toBe('2023-09-30');
    expect(parseWrittenDate('２０２４年１２月１日')).toBe('2024-12-01');
    expect(parseWrittenDate('2024-08-12')).toBe('2024-08-12');
    expect(parseWrittenDate('2023年2月30日')).toBeNull();
    expect(parseWrittenDate('明年春天')).toBeNull();
  });

  it('parses ordinals past 99', () => {
    expect(
      ['九十九', '一百', '一百零一', '一百一十', '一百十二', '三百二十五', '101'].map(parseOrdinal),
    ).toEqual([99, 100, 101, 110, 112, 325, 101]);
    expect(parseOrdinal('一百五')).toBeNull();
    expect(parseOrdinal('百')).toBeNull();
  });

  it('simplifies traditional characters one for one, so offsets do not move', () => {
    const input = '評價結論：良。存在問題';
    const out = toSimplified(input);
    expect(out.text).toBe('评价结论：良。存在问题');
    expect(out.text).toHaveLength(input.length);
    expect(out.converted).toBe(6);
    expect(toSimplified('评价结论').converted).toBe(0);
  });

  it.each([
    '当前位置：首页 > 信息公开 > 绩效管理',
    '首页 > 财政预决算',
    '【打印此页】【关闭窗口】',
    '分享到：微信 微博',
    '字号：大 中 小',
    '— 2 —',
    '第 2 页 共 3 页',
    '3/12',
    '扫一扫在手机打开当前页',
  ])('drops site furniture: %s', (line) => {
    expect(isSiteFurniture(line)).toBe(true);
  });

  it.each([
    '1. 资金拨付不及时。',
    '评价机构',
    '2023年1月-12月',
    '关闭窗口期间资金未拨付，影响进度；需整改。',
  ])('keeps document text: %s', (line) => {
    expect(isSiteFurniture(line)).toBe(false);
  });
});
