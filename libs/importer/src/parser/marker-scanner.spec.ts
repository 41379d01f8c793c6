import { readLeadingMarker, scanMarkers } from './marker-scanner';
import { walkSequence } from './sequence-walker';

describe('scanMarkers', () => {
  const marker = (text: string) => {
    const m = readLeadingMarker(text);
    return m && [m.family, m.value, m.raw];
  };

  it.each([
    ['1. 问题', ['arabic', 1, '1.']],
    ['12、问题', ['arabic', 12, '12、']],
    ['１．问题', ['arabic', 1, '１．']],
    ['(3)问题', ['arabic-paren', 3, '(3)']],
    ['（3）问题', ['arabic-paren', 3, '（3）']],
    ['3）问题', ['arabic-paren', 3, '3）']],
    ['⑷问题', ['arabic-paren', 4, '⑷']],
    ['（十二）问题', ['cn-paren', 12, '（十二）']],
    ['(二)问题', ['cn-paren', 2, '(二)']],
    ['二十一、问题', ['cn-dun', 21, '二十一、']],
    ['③问题', ['circled', 3, '③']],
    ['十一是问题', ['cn-shi', 11, '十一是']],
    ['问题2：内容', ['label-problem', 2, '问题2：']],
    ['建议三：内容', ['label-rec', 3, '建议三：']],
  ])('reads %s', (text, expected) => {
    expect(marker(text)).toEqual(expected);
  });

  it.each(['5.4%的增长', '2023年', '185.79亿元', '0. 零', '一二是', '统一是'])(
    'does not read "%s" as a marker',
    (text) => {
      expect(marker(text)).toBeNull();
    },
  );

  it('marks clause boundaries: 一是 after a comma counts, "第2、3项" does not', () => {
    const found = scanMarkers('具体为：一是甲，二是乙；第2、3项不变。3.下一项');
    expect(found.filter((m) => m.boundary).map((m) => m.raw)).toEqual(['一是', '二是', '3.']);
  });

  it('finds a real marker hidden behind a non-boundary one ("存在问题一是…")', () => {
    expect(scanMarkers('，存在问题一是制度不全').map((m) => [m.raw, m.boundary])).toContainEqual([
      '一是',
      false,
    ]);
  });
});

describe('walkSequence', () => {
  it('accepts only successors, tolerating a small gap at a line start', () => {
    const text = '1. 甲，详见第2. 条\n2. 乙 5.4 丙\n4. 丁\n9. 戊';
    const walk = walkSequence(scanMarkers(text), 'arabic');
    expect(walk.accepted.map((m) => m.value)).toEqual([1, 2, 4]);
    expect(walk.gaps).toBe(1);
  });
});
