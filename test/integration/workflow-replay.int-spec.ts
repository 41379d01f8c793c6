import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT, TEST_WORKFLOW_BUNDLE } from '../support/test-config';

/**
 * Determinism guard: every committed history (workflows/histories, recorded by test/support/record-histories.ts)
 * must replay against today's workflow code. A change that breaks this needs `patched()`, not a new recording.
 */
describe('workflow replay on committed histories', () => {
  const dir = resolve(ROOT, 'workflows', 'histories');
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

  it('has histories to replay', () => {
    expect(files.length).toBeGreaterThanOrEqual(2);
    // 回头看 (issue 12 §4): its own workflow, recorded through to a 反弹.
    expect(files).toContain('recheck-rebound.json');
  });

  it.each(files)('replays %s without non-determinism', async (file) => {
    const history = historyFromJSON(JSON.parse(readFileSync(resolve(dir, file), 'utf8')));
    await expect(
      Worker.runReplayHistory(
        { workflowBundle: { codePath: TEST_WORKFLOW_BUNDLE }, replayName: file },
        history,
      ),
    ).resolves.toBeUndefined();
  });
});
