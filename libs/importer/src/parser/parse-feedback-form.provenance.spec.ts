import { listTextFixtures, parseFixture, readFixture, SEED_FIXTURE } from '../testing/fixtures.testing';
import { parseFeedbackForm } from './parse-feedback-form';

const compact = (s: string) => s.replace(/\s+/g, '');

/** Spans point into the exact string given to the parser; confidence explains itself. */
describe('parseFeedbackForm — provenance and confidence', () => {
  it('the seed: each span starts at the item number and covers the whole item', () => {
    const text = readFixture(SEED_FIXTURE);
    const r = parseFixture(SEED_FIXTURE);
    r.findings.forEach((f, i) => {
      const covered = text.slice(f.span!.start, f.span!.end);
      expect(covered.startsWith(`${i + 1}. `)).toBe(true);
      expect(compact(covered)).toContain(compact(f.title));
      expect(compact(covered).endsWith(compact(f.text).slice(-6))).toBe(true);
    });
    r.recommendations.forEach((x, i) => {
      expect(text.slice(x.span!.start, x.span!.end).startsWith(`${i + 1}. `)).toBe(true);
    });
    // findings never overlap and come in order
    for (let i = 1; i < r.findings.length; i++) {
      expect(r.findings[i].span!.start).toBeGreaterThanOrEqual(r.findings[i - 1].span!.end);
    }
  });

  it.each(listTextFixtures())('%s: every span lies in the input and holds its title', (file) => {
    const text = readFixture(file);
    const r = parseFeedbackForm(text);
    for (const item of [...r.findings, ...r.recommendations]) {
      expect(item.confidence.score).toBeGreaterThan(0);
      expect(item.confidence.score).toBeLessThanOrEqual(1);
      expect(item.confidence.reasons.every((x) => /[\u4e00-\u9fa5]/.test(x.message))).toBe(true);
      if (item.span === null) continue;
      expect(item.span.start).toBeGreaterThanOrEqual(0);
      expect(item.span.end).toBeLessThanOrEqual(text.length);
      // HTML and traditional inputs are matched after tags are skipped and characters simplified.
      if (!/\.html$|traditional/.test(file)) {
        expect(compact(text.slice(item.span.start, item.span.end))).toContain(
          compact(item.title).slice(0, 4),
        );
      }
    }
    expect(r.findings.filter((f) => f.span === null)).toEqual([]);
  });

  it('a guessed split is trusted less than a numbered heading', () => {
    const numbered = parseFixture('variations/numbering-cn-dun-items.txt').findings[0].confidence;
    const sentences = parseFixture('variations/unnumbered-one-paragraph-sentences.txt').findings[0]
      .confidence;
    expect(numbered.reasons[0].code).toBe('numbered_heading');
    expect(sentences.reasons[0].code).toBe('sentence_split');
    expect(sentences.score).toBeLessThan(numbered.score);
  });
});
