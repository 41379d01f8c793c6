import type { ParseResult } from '../model/parse-result.types';
import { WARNING_CODES } from '../model/warning-codes.const';
import { listTextFixtures, readFixture } from '../testing/fixtures.testing';
import { MAX_PARSE_CHARS, parseFeedbackForm } from './parse-feedback-form';

/**
 * Property test: whatever happens to a real document on its way to us, the parser returns a
 * well-formed result quickly. Deterministic PRNG: a failure prints the seed and mutations, and
 * `FUZZ_SEED=<seed> npx jest … -t fuzz` replays the run.
 */
const BASE_SEED = Number(process.env.FUZZ_SEED ?? 20240607);
const CASES_PER_FIXTURE = 110;
/**
 * Not a speed target (that is the importer bench): a guard against catastrophic regex backtracking, which takes
 * seconds to minutes on one input. Generous so a busy machine never trips it.
 */
const MAX_MS_PER_CASE = 10_000;
const MAX_TEXT = 80_000;

type Rng = () => number;

function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const int = (rng: Rng, n: number): number => Math.floor(rng() * n);
const pick = <T>(rng: Rng, items: readonly T[]): T => items[int(rng, items.length)];

const HEADINGS = [
  '存在的问题',
  '二、相关建议',
  '主要问题\n与建议',
  '主要问题与建议',
  '（一）存在问题：',
  '改进建议：',
  '建议：',
  '审计建议',
  '对策和思考',
  '下一步改进措施',
  '基本情况',
  '主要绩效情况',
  '评价结论',
  '附件：',
  '评价组织机构\t某局',
  '评价分值\t77',
  '景德镇市财政支出绩效评价结果反馈表',
  '暂无',
  '无',
  '问题1：',
  '建议2：',
];
const MARKERS = [
  '1.',
  '2、',
  '3．',
  '（一）',
  '(二)',
  '三、',
  '(1)',
  '（2）',
  '一是',
  '二是',
  '十一是',
  '①',
  '②',
  '⑳',
  '⑴',
  '1)',
  '０．',
];
const HTML = [
  '<p>',
  '</p>',
  '<br>',
  '<td>',
  '</tr>',
  '<span style="x">',
  '<!--',
  '-->',
  '<script>',
  '&nbsp;',
  '&#x4e2d;',
  '<p class="',
  '<',
  '>',
];
const UNICODE = [
  '\u0000',
  '\ufffd',
  '\ud800',
  '\udc00',
  '😀',
  '\u200b',
  '\u3000',
  '\u00a0',
  '\u2028',
  '\r',
  '\f',
  '\t',
  '\n\n',
  '。',
  '；',
  '：',
  '“',
  '）',
];

interface Mutation {
  name: string;
  apply: (text: string, rng: Rng, donor: string) => string;
}

const slice = (text: string, rng: Rng): [number, number] => {
  const start = int(rng, text.length + 1);
  return [start, Math.min(text.length, start + int(rng, 400))];
};
const insertAt = (text: string, rng: Rng, piece: string): string => {
  const at = int(rng, text.length + 1);
  return text.slice(0, at) + piece + text.slice(at);
};

const MUTATIONS: Mutation[] = [
  {
    name: 'delete',
    apply: (t, r) => {
      const [a, b] = slice(t, r);
      return t.slice(0, a) + t.slice(b);
    },
  },
  {
    name: 'duplicate',
    apply: (t, r) => {
      const [a, b] = slice(t, r);
      return t.slice(0, b) + t.slice(a, b) + t.slice(b);
    },
  },
  {
    name: 'insert-donor',
    apply: (t, r, d) => {
      const [a, b] = slice(d, r);
      return insertAt(t, r, d.slice(a, b));
    },
  },
  {
    name: 'unicode',
    apply: (t, r) =>
      insertAt(
        t,
        r,
        Array.from({ length: 1 + int(r, 8) }, () =>
          r() < 0.5 ? pick(r, UNICODE) : String.fromCharCode(int(r, 0xffff)),
        ).join(''),
      ),
  },
  { name: 'html', apply: (t, r) => insertAt(t, r, pick(r, HTML)) },
  { name: 'marker', apply: (t, r) => insertAt(t, r, (r() < 0.5 ? '\n' : '') + pick(r, MARKERS)) },
  { name: 'circled-run', apply: (t, r) => insertAt(t, r, '①②③④⑤⑥⑦⑧⑨⑩'.slice(0, 1 + int(r, 10))) },
  { name: 'heading', apply: (t, r) => insertAt(t, r, `\n${pick(r, HEADINGS)}\n`) },
  { name: 'truncate', apply: (t, r) => t.slice(0, int(r, t.length + 1)) },
  {
    name: 'swap-lines',
    apply: (t, r) => {
      const lines = t.split('\n');
      const i = int(r, lines.length);
      const j = int(r, lines.length);
      [lines[i], lines[j]] = [lines[j], lines[i]];
      return lines.join('\n');
    },
  },
  {
    name: 'newlines-to-spaces',
    apply: (t, r) => {
      const [a, b] = slice(t, r);
      return t.slice(0, a) + t.slice(a, b).replace(/\n/g, ' ') + t.slice(b);
    },
  },
  {
    name: 'repeat',
    apply: (t, r) =>
      insertAt(t, r, pick(r, [...MARKERS, ...HEADINGS, '<p', '建议：', '。']).repeat(1 + int(r, 300))),
  },
];

const KINDS = [
  'feedback_form',
  'evaluation_report',
  'self_evaluation',
  'audit_report',
  'review_letter',
  'results_table',
  'unknown',
];

/** Provenance stays inside the input and confidence is a probability with its reasons. */
function assertProvenance(r: ParseResult, textLength: number): void {
  if (!KINDS.includes(r.kind)) throw new Error(`kind ${r.kind}`);
  if (r.resultsTableRows !== null && !(r.kind === 'results_table' && r.resultsTableRows > 0))
    throw new Error(`resultsTableRows ${r.resultsTableRows} for ${r.kind}`);
  for (const item of [...r.findings, ...r.recommendations]) {
    const { span, confidence } = item;
    if (span !== null && !(span.start >= 0 && span.start < span.end && span.end <= textLength))
      throw new Error(`span ${JSON.stringify(span)} outside 0..${textLength}`);
    if (!(confidence.score >= 0 && confidence.score <= 1) || confidence.reasons.length === 0)
      throw new Error(`confidence ${JSON.stringify(confidence)}`);
    if (confidence.reasons.some((x) => !x.code || !x.message))
      throw new Error('confidence reason without text');
  }
}

function assertShape(r: ParseResult, textLength = Number.MAX_SAFE_INTEGER): void {
  assertProvenance(r, textLength);
  const codes = new Set<string>(WARNING_CODES);
  const e = r.evaluation;
  expect(Object.keys(e).sort()).toEqual(
    [
      'organizer',
      'supervisingDepartment',
      'projectUnit',
      'projectPeriod',
      'evaluator',
      'evaluationPeriod',
      'score',
      'grade',
      'projectName',
      'title',
      'basicInfo',
      'performanceSummary',
      'budget',
      'allocated',
      'spent',
      'executionRate',
      'documentNumber',
      'documentDate',
      'rectificationDeadline',
    ].sort(),
  );
  for (const key of [
    'organizer',
    'supervisingDepartment',
    'projectUnit',
    'projectPeriod',
    'evaluator',
    'evaluationPeriod',
    'projectName',
    'title',
    'basicInfo',
    'performanceSummary',
    'documentNumber',
    'documentDate',
    'rectificationDeadline',
  ] as const) {
    if (e[key] !== null && typeof e[key] !== 'string') throw new Error(`${key} is ${typeof e[key]}`);
  }
  for (const key of ['score', 'budget', 'allocated', 'spent', 'executionRate'] as const) {
    if (e[key] !== null && !Number.isFinite(e[key])) throw new Error(`${key} is not finite`);
  }
  if (e.grade !== null && !['优', '良', '中', '差'].includes(e.grade)) throw new Error(`grade ${e.grade}`);
  r.findings.forEach((f, i) => {
    if (f.seq !== i + 1 || f.seq < 1) throw new Error(`finding seq ${f.seq} at ${i}`);
    if (typeof f.title !== 'string' || f.title.trim() === '')
      throw new Error(`finding ${f.seq} has an empty title`);
    if (typeof f.text !== 'string' || f.text.trim() === '')
      throw new Error(`finding ${f.seq} has an empty text`);
    if (
      f.recommendationSeq !== null &&
      !(f.recommendationSeq >= 1 && f.recommendationSeq <= r.recommendations.length)
    ) {
      throw new Error(`finding ${f.seq} points at recommendation ${f.recommendationSeq}`);
    }
    for (const p of f.points) {
      if (
        typeof p.label !== 'string' ||
        typeof p.text !== 'string' ||
        !p.details.every((d) => typeof d === 'string')
      ) {
        throw new Error(`finding ${f.seq} has a malformed point`);
      }
    }
  });
  r.recommendations.forEach((x, i) => {
    if (x.seq !== i + 1) throw new Error(`recommendation seq ${x.seq} at ${i}`);
    if (typeof x.title !== 'string' || x.title.trim() === '')
      throw new Error(`recommendation ${x.seq} has an empty title`);
  });
  for (const w of r.warnings) {
    if (!codes.has(w.code) || w.code === 'INTERNAL_ERROR' || !w.message)
      throw new Error(`bad warning ${JSON.stringify(w)}`);
  }
  JSON.stringify(r);
}

function runCase(text: string, describeCase: () => string): void {
  const started = performance.now();
  let result: ParseResult;
  try {
    result = parseFeedbackForm(text);
    assertShape(result, typeof text === 'string' ? Math.min(text.length, MAX_PARSE_CHARS) : undefined);
  } catch (error) {
    throw new Error(`${describeCase()}\n${(error as Error).stack}`);
  }
  const elapsed = performance.now() - started;
  if (elapsed > MAX_MS_PER_CASE) throw new Error(`${describeCase()}\ntook ${elapsed.toFixed(0)} ms`);
}

describe('parseFeedbackForm — fuzz', () => {
  const fixtures = listTextFixtures().map((name) => ({ name, text: readFixture(name) }));

  it(`survives ${CASES_PER_FIXTURE} seeded mutations of every fixture`, () => {
    let cases = 0;
    fixtures.forEach((fixture, f) => {
      for (let c = 0; c < CASES_PER_FIXTURE; c++) {
        const seed = BASE_SEED + f * 100_003 + c;
        const rng = mulberry32(seed);
        const donor = pick(rng, fixtures).text;
        const applied: string[] = [];
        let text = fixture.text;
        const steps = 1 + int(rng, 5);
        for (let s = 0; s < steps; s++) {
          const mutation = pick(rng, MUTATIONS);
          applied.push(mutation.name);
          text = mutation.apply(text, rng, donor).slice(0, MAX_TEXT);
        }
        runCase(
          text,
          () =>
            `fuzz case failed: fixture=${fixture.name} seed=${seed} mutations=${applied.join(',')}\ninput=${JSON.stringify(text.slice(0, 2000))}`,
        );
        cases++;
      }
    });
    expect(cases).toBeGreaterThanOrEqual(3000);
  });

  it('survives random strings of arbitrary code units', () => {
    for (let c = 0; c < 300; c++) {
      const seed = BASE_SEED + 7_000_000 + c;
      const rng = mulberry32(seed);
      const alphabet = pick(rng, [
        () => String.fromCharCode(int(rng, 0x10000)),
        () =>
          pick(rng, [...MARKERS, ...HEADINGS, ...HTML, ...UNICODE, '存在', '问题', '建议', '。', '\n', '\t']),
        () => String.fromCharCode(0x4e00 + int(rng, 0x5000)),
      ]);
      const text = Array.from({ length: int(rng, 3000) }, alphabet).join('');
      runCase(text, () => `random case failed: seed=${seed}\ninput=${JSON.stringify(text.slice(0, 2000))}`);
    }
  });

  it.each([
    ['numbered lines', '1. 问题。\n'.repeat(20_000)],
    ['one line of markers', '1.'.repeat(50_000)],
    ['一是 run', '一是'.repeat(50_000)],
    ['circled run', '①②③④⑤⑥⑦⑧⑨⑩'.repeat(10_000)],
    ['advice cues', '。建议：'.repeat(30_000)],
    ['problem headings', '存在的问题\n'.repeat(20_000)],
    ['unterminated tags', '<p class="'.repeat(30_000)],
    ['angle brackets', '<'.repeat(100_000)],
    ['tabs', '\t'.repeat(200_000)],
    ['blank lines', '\n'.repeat(200_000)],
    ['parentheses', '（（（（（('.repeat(30_000)],
    ['header labels', '评价机构 评价时间 '.repeat(20_000)],
    ['no punctuation', '预算绩效管理待完善'.repeat(40_000)],
    ['money', '预算2900万元到位'.repeat(20_000)],
    ['trailing separators', `${'，'.repeat(60_000)}x`],
    ['interleaved advice', Array.from({ length: 5000 }, (_, i) => `${i + 1}. 问题。建议：改进。`).join('\n')],
    ['spaces between pipes', `|${' '.repeat(100_000)}x|y|`],
    ['closing quotes', `”${'）'.repeat(60_000)}甲\n乙`],
  ])('stays fast on pathological input: %s', (_name, body) => {
    // Inside the problems and recommendations parts, where the item splitting does its work.
    for (const text of [
      body,
      `存在的问题\n${body}`,
      `主要问题与建议\t存在的问题：${body}\n相关建议\n${body}`,
    ]) {
      const started = performance.now();
      assertShape(parseFeedbackForm(text));
      expect(performance.now() - started).toBeLessThan(3000);
    }
  });

  it('never throws on non-string input passed from untyped callers', () => {
    for (const value of [undefined, null, 42, {}, []]) {
      assertShape(parseFeedbackForm(value as unknown as string));
    }
  });
});
