import { pairRecommendations } from './recommendation-pairing';

const codes = (r: ReturnType<typeof pairRecommendations>) => r.warnings.map((w) => w.code);

describe('pairRecommendations', () => {
  it('pairs by matching numbers without a warning', () => {
    const r = pairRecommendations({ findingNumbers: [1, 2, 3], recommendationNumbers: [1, 2, 3] });
    expect(r.recommendationIndex).toEqual([0, 1, 2]);
    expect(codes(r)).toEqual([]);
  });

  it('pairs by number even when the recommendations are out of order', () => {
    expect(
      pairRecommendations({ findingNumbers: [1, 2], recommendationNumbers: [2, 1] }).recommendationIndex,
    ).toEqual([1, 0]);
  });

  it('falls back to position, saying so, when lists are unnumbered or numbers do not line up', () => {
    expect(
      codes(pairRecommendations({ findingNumbers: [null, null], recommendationNumbers: [null, null] })),
    ).toEqual(['PAIRING_BY_POSITION']);
    const r = pairRecommendations({ findingNumbers: [1, 2], recommendationNumbers: [3, 4] });
    expect(r.recommendationIndex).toEqual([0, 1]);
    expect(codes(r)).toEqual(['PAIRING_BY_POSITION']);
  });

  it('one unnumbered recommendation covers every finding', () => {
    const r = pairRecommendations({ findingNumbers: [1, 2, 3], recommendationNumbers: [null] });
    expect(r.recommendationIndex).toEqual([0, 0, 0]);
    expect(codes(r)).toEqual(['SINGLE_RECOMMENDATION_FOR_ALL']);
  });

  it('reports missing and surplus recommendations', () => {
    expect(codes(pairRecommendations({ findingNumbers: [1, 2], recommendationNumbers: [] }))).toEqual([
      'NO_RECOMMENDATIONS',
    ]);
    const fewer = pairRecommendations({ findingNumbers: [1, 2, 3], recommendationNumbers: [1, 2] });
    expect(fewer.recommendationIndex).toEqual([0, 1, null]);
    expect(codes(fewer)).toEqual(['COUNT_MISMATCH']);
    expect(pairRecommendations({ findingNumbers: [], recommendationNumbers: [] }).warnings).toEqual([]);
  });
});
