import { DataSource } from 'typeorm';
import { loadEvaluationDetail } from '../../libs/evaluations/src';
import { FileStore } from '../../libs/storage/src';
import { seedDemoEvaluation } from '../../scripts/seed-demo';
import { startTestStack, TestStack } from '../support/test-stack';

/** scripts/seed-demo.ts against the test database: the real seed, idempotent across calls and runs. */
describe('seedDemoEvaluation', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({ worker: false });
  });
  afterAll(() => stack?.close());

  it('loads the seed once as a draft with the golden facts, then does nothing', async () => {
    const dataSource = stack.api.get(DataSource);
    const files = stack.api.get(FileStore);
    const lines: string[] = [];
    // The test database persists: the first run ever creates it, every later call finds it.
    const first = await seedDemoEvaluation(dataSource, files, (l) => lines.push(l));
    const second = await seedDemoEvaluation(dataSource, files, (l) => lines.push(l));
    expect(second).toEqual({ created: false, evaluationId: first.evaluationId, sha256: first.sha256 });
    expect(lines.at(-1)).toMatch(/already present .*nothing to do/);

    const detail = await loadEvaluationDetail(dataSource.manager, first.evaluationId!);
    expect(detail.evaluation).toMatchObject({
      score: 80.08,
      grade: '良',
      budget: 2900,
      allocated: 1717,
      spent: 1659,
      executionRate: 96.62,
      sourceDocument: { sha256: first.sha256 },
    });
    expect(detail.findings.map((f) => f.recommendationSeq)).toEqual([1, 2, 3, 4]);
    expect(detail.recommendations).toHaveLength(4);
  });
});
