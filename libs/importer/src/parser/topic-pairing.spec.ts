import { pairRecommendations } from './recommendation-pairing';
import { pairByTopic } from './topic-pairing';

describe('pairing by topic', () => {
  it('matches each problem with the recommendation about the same thing', () => {
    expect(
      pairByTopic(
        ['培训机构资质审核不严', '培训补贴发放滞后', '资金台账不健全'],
        ['缩短培训补贴发放周期', '严格培训机构资质审核'],
      ),
    ).toEqual([1, 0, null]);
  });

  it('gives up when too few pairs are clear', () => {
    expect(pairByTopic(['甲乙丙丁', '戊己庚辛', '子丑寅卯'], ['天地玄黄', '宇宙洪荒'])).toBeNull();
  });

  it('overrides numbers only when the counts differ, and says so', () => {
    const r = pairRecommendations({
      findingNumbers: [1, 2, 3],
      recommendationNumbers: [1, 2],
      findingTitles: ['培训机构资质审核不严', '培训补贴发放滞后', '资金台账不健全'],
      recommendationTitles: ['缩短培训补贴发放周期', '严格培训机构资质审核'],
    });
    expect(r.recommendationIndex).toEqual([1, 0, null]);
    expect(r.methods).toEqual(['topic', 'topic', 'none']);
    expect(r.warnings.map((w) => w.code)).toEqual(['COUNT_MISMATCH', 'PAIRING_BY_TOPIC']);
    const same = pairRecommendations({
      findingNumbers: [1, 2],
      recommendationNumbers: [1, 2],
      findingTitles: ['培训补贴发放滞后', '培训机构资质审核不严'],
      recommendationTitles: ['严格培训机构资质审核', '缩短培训补贴发放周期'],
    });
    expect(same.recommendationIndex).toEqual([0, 1]);
    expect(same.methods).toEqual(['number', 'number']);
  });
});
