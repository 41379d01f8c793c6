import { proxyActivities, setHandler } from '@temporalio/workflow';
import type { EvaluationFollowUpActivities } from '../../../libs/contracts/src/rectification/rectification.activities';
import {
  EvaluationFollowUpProgress,
  EvaluationPageInput,
  EvaluationPageResult,
  evaluationProgressQuery,
} from '../../../libs/contracts/src/rectification/evaluation-follow-up.definitions';
import { ChildStatus, followRectification } from './follow-rectification';

const { loadIssuePage } = proxyActivities<EvaluationFollowUpActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/**
 * One page of an evaluation issued by reference: reads its items, starts them all at once (one workflow task,
 * so the server starts them concurrently), and reports their outcome when every one has ended.
 */
export async function evaluationPageWorkflow(input: EvaluationPageInput): Promise<EvaluationPageResult> {
  const items = await loadIssuePage(input);
  const children: { rectificationId: string; findingSeq: number; status: ChildStatus }[] = items.map((r) => ({
    rectificationId: r.rectificationId,
    findingSeq: r.findingSeq,
    status: 'running',
  }));
  setHandler(evaluationProgressQuery, (): EvaluationFollowUpProgress => ({
    total: children.length,
    finished: children.filter((c) => c.status !== 'running').length,
    children,
  }));
  const outcomes = await Promise.all(
    items.map((r, i) => followRectification(r, (status) => (children[i].status = status), true)),
  );
  return {
    page: input.page,
    counts: {
      total: outcomes.length,
      closed: outcomes.filter((o) => o.status === 'closed').length,
      cancelled: outcomes.filter((o) => o.status === 'cancelled').length,
      failed: outcomes.filter((o) => o.status === 'failed').length,
    },
    failed: outcomes.filter((o) => o.status === 'failed'),
  };
}
