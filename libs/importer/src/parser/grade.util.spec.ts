import { gradeForScore } from './grade.util';

describe('gradeForScore', () => {
  it.each([
    [100, '优'],
    [90, '优'],
    [89.99, '良'],
    [80, '良'],
    [80.08, '良'],
    [79.99, '中'],
    [60, '中'],
    [59.99, '差'],
    [0, '差'],
  ])('%d → %s', (score, grade) => {
    expect(gradeForScore(score)).toBe(grade);
  });
});
