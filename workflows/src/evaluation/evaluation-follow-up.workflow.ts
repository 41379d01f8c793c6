import {
  ParentClosePolicy,
  proxyActivities,
  setHandler,
  startChild,
  WorkflowIdReusePolicy,
} from '@temporalio/workflow';
import type { EvaluationFollowUpActivities } from '../../../libs/contracts/src/rectification/rectification.activities';
import {
  EvaluationFollowUpInput,
  EvaluationFollowUpProgress,
  EvaluationFollowUpResult,
  evaluationProgressQuery,
} from '../../../libs/contracts/src/rectification/evaluation-follow-up.definitions';
import type { RectificationStatus } from '../../../libs/contracts/src/rectification/rectification.types';
import { SEARCH_ATTRIBUTES } from '../../../libs/contracts/src/search-attributes';
import { rectificationWorkflow } from '../rectification/rectification.workflow';

const { markEvaluationIssued, finishEvaluation } = proxyActivities<EvaluationFollowUpActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

type ChildStatus = RectificationStatus | 'running' | 'failed';

/**
 * The evaluation's follow-up (对账销号): starts one rectification per finding and waits until every one of them
 * has ended, so that no finding can end unaccounted for; then records the evaluation as finished with its counts.
 */
export async function evaluationFollowUpWorkflow(
  input: EvaluationFollowUpInput,
): Promise<EvaluationFollowUpResult> {
  const children: { rectificationId: string; findingSeq: number; status: ChildStatus }[] =
    input.rectifications.map((r) => ({
      rectificationId: r.rectificationId,
      findingSeq: r.findingSeq,
      status: 'running',
    }));
  setHandler(evaluationProgressQuery, (): EvaluationFollowUpProgress => ({
    total: children.length,
    finished: children.filter((c) => c.status !== 'running').length,
    children,
  }));

  await markEvaluationIssued({
    evaluationId: input.evaluationId,
    workflowId: `evaluation-${input.evaluationId}`,
    issuedAt: input.issuedAt,
    total: input.rectifications.length,
  });

  const items = await Promise.all(
    input.rectifications.map(async (r, i): Promise<EvaluationFollowUpResult['items'][number]> => {
      try {
        const handle = await startChild(rectificationWorkflow, {
          workflowId: r.rectificationId,
          args: [r],
          // The items outlive an accidental termination of the follow-up: they are the bureau's record.
          parentClosePolicy: ParentClosePolicy.ABANDON,
          workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
          typedSearchAttributes: [
            { key: SEARCH_ATTRIBUTES.evaluationId, value: input.evaluationId },
            { key: SEARCH_ATTRIBUTES.unitId, value: String(r.unitId) },
            { key: SEARCH_ATTRIBUTES.status, value: 'issued' },
          ] as never,
        });
        const outcome = await handle.result();
        children[i].status = outcome.status;
        return outcome;
      } catch (err) {
        children[i].status = 'failed';
        return {
          rectificationId: r.rectificationId,
          findingSeq: r.findingSeq,
          status: 'failed',
          error: String((err as Error).message ?? err),
        };
      }
    }),
  );

  const counts = {
    total: items.length,
    closed: items.filter((i) => i.status === 'closed').length,
    cancelled: items.filter((i) => i.status === 'cancelled').length,
    failed: items.filter((i) => i.status === 'failed').length,
  };
  const result: EvaluationFollowUpResult = { evaluationId: input.evaluationId, counts, items };
  await finishEvaluation({
    evaluationId: input.evaluationId,
    finishedAt: new Date(Date.now()).toISOString(),
    counts,
    result,
  });
  return result;
}
