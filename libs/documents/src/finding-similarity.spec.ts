import { findingSimilarity, isRepeatFinding, REPEAT_FINDING_THRESHOLD } from './finding-similarity';

/**
 * Pairs as a bureau writes them a year apart. REPEATED: the same problem reworded (word order, 不够/有待, a year
 * or 度 added, a qualifier inserted). DIFFERENT: other problems, including ones on the same topic (预算, 资金,
 * 绩效目标) that share words. The threshold must sit between the two groups with room on both sides.
 */
const REPEATED: [string, string][] = [
  ['预算绩效管理待完善，预算编制依据不全面', '预算编制依据不够全面，预算绩效管理有待完善'],
  ['2023年项目绩效目标编制不够严谨，指标设定不合理', '2024年度项目绩效目标设置不严谨，部分指标设定不合理'],
  ['资金拨付不及时，资金执行率偏低', '资金拨付不够及时，导致预算执行率偏低'],
  ['项目管理制度不健全，档案资料不完整', '项目管理制度不够健全，项目档案资料不完整'],
  ['政府采购程序不规范', '政府采购程序执行不规范'],
];
const DIFFERENT: [string, string][] = [
  ['预算绩效管理待完善，预算编制依据不全面', '资金拨付不及时，资金执行率偏低'],
  ['项目绩效目标编制不够严谨', '政府采购程序不规范'],
  ['资金拨付不及时，资金执行率偏低', '专项资金存在挤占挪用情况'],
  ['项目管理制度不健全，档案资料不完整', '绩效自评流于形式，自评结果与实际不符'],
  ['预算编制依据不全面，测算明细缺失', '预算执行进度缓慢，年底突击花钱'],
  ['项目绩效目标编制不够严谨，指标设定不合理', '项目实施进度滞后，未按期完成建设任务'],
  ['项目绩效目标编制不够严谨', '项目绩效自评工作开展不到位'],
];

describe('findingSimilarity (character bigram cosine)', () => {
  it('is 1 for the same text and ignores years, numbers and punctuation', () => {
    expect(findingSimilarity('资金拨付不及时', '资金拨付不及时')).toBeCloseTo(1);
    expect(findingSimilarity('2023年资金拨付不及时。', '（2024）资金拨付不及时')).toBeCloseTo(
      findingSimilarity('年资金拨付不及时', '资金拨付不及时'),
    );
    expect(findingSimilarity('', '资金拨付不及时')).toBe(0);
  });

  it('separates reworded repeats from other problems with a margin around the threshold', () => {
    const repeated = REPEATED.map(([a, b]) => findingSimilarity(a, b));
    const different = DIFFERENT.map(([a, b]) => findingSimilarity(a, b));
    expect(Math.min(...repeated)).toBeGreaterThanOrEqual(REPEAT_FINDING_THRESHOLD + 0.1);
    expect(Math.max(...different)).toBeLessThan(REPEAT_FINDING_THRESHOLD - 0.1);
    expect(REPEATED.every(([a, b]) => isRepeatFinding(a, b))).toBe(true);
    expect(DIFFERENT.some(([a, b]) => isRepeatFinding(a, b))).toBe(false);
  });

  it('is symmetric', () => {
    const [a, b] = REPEATED[1];
    expect(findingSimilarity(a, b)).toBeCloseTo(findingSimilarity(b, a));
  });
});
