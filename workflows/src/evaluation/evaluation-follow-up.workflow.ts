import { executeChild, ParentClosePolicy, proxyActivities, setHandler } from '@temporalio/workflow';
import type { EvaluationFollowUpActivities } from '../../../libs/contracts/src/rectification/rectification.activities';
import {
  EvaluationFollowUpInput,
  EvaluationFollowUpProgress,
  EvaluationFollowUpResult,
  EvaluationOutcomeCounts,
  evaluationPageWorkflowId,
  evaluationProgressQuery,
  ISSUE_PAGE_SIZE,
} from '../../../libs/contracts/src/rectification/evaluation-follow-up.definitions';
import { evaluationPageWorkflow } from './evaluation-page.workflow';
import { ChildStatus, followRectification } from './follow-rectification';

const { markEvaluationIssued, finishEvaluation } = proxyActivities<EvaluationFollowUpActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/** What the follow-up keeps of failed items in its result and the evaluation's outcome (the rest is in MySQL). */
const MAX_FAILED_KEPT = 100;

/**
 * The evaluation's follow-up (对账销号): starts one rectification per finding and waits until every one of them
 * has ended, so that no finding can end unaccounted for; then records the evaluation as finished with its counts.
 * Issued by reference, it starts one page workflow per ISSUE_PAGE_SIZE items — the pages start their children
 * concurrently and the follow-up's own history stays a few events per page, whatever the evaluation's size.
 */
export async function evaluationFollowUpWorkflow(
  input: EvaluationFollowUpInput,
): Promise<EvaluationFollowUpResult> {
  if (input.rectifications) return followUpInline(input, input.rectifications);
  const total = input.total ?? 0;
  const pageSize = input.pageSize ?? ISSUE_PAGE_SIZE;
  const pages = Array.from({ length: Math.ceil(total / pageSize) }, (_, page) => ({
    page,
    workflowId: evaluationPageWorkflowId(input.evaluationId, page),
    total: Math.min(pageSize, total - page * pageSize),
    finished: false,
  }));
  setHandler(evaluationProgressQuery, (): EvaluationFollowUpProgress => ({
    total,
    finished: pages.reduce((n, p) => n + (p.finished ? p.total : 0), 0),
    pages,
    children: [],
  }));

  await markEvaluationIssued({
    evaluationId: input.evaluationId,
    workflowId: `evaluation-${input.evaluationId}`,
    issuedAt: input.issuedAt,
    total,
  });
  const results = await Promise.all(
    pages.map(async (p) => {
      const result = await executeChild(evaluationPageWorkflow, {
        workflowId: p.workflowId,
        args: [{ evaluationId: input.evaluationId, page: p.page, pageSize }],
        parentClosePolicy: ParentClosePolicy.ABANDON,
      });
      p.finished = true;
      return result;
    }),
  );
  const counts: EvaluationOutcomeCounts = { total, closed: 0, cancelled: 0, failed: 0 };
  for (const r of results) {
    counts.closed += r.counts.closed;
    counts.cancelled += r.counts.cancelled;
    counts.failed += r.counts.failed;
  }
  const items = results.flatMap((r) => r.failed).slice(0, MAX_FAILED_KEPT);
  return finish({ evaluationId: input.evaluationId, counts, items });
}

/** Issued before issuing by reference: every item is in the input and is a child of the follow-up itself. */
async function followUpInline(
  input: EvaluationFollowUpInput,
  rectifications: NonNullable<EvaluationFollowUpInput['rectifications']>,
): Promise<EvaluationFollowUpResult> {
  const children: { rectificationId: string; findingSeq: number; status: ChildStatus }[] = rectifications.map(
    (r) => ({ rectificationId: r.rectificationId, findingSeq: r.findingSeq, status: 'running' }),
  );
  setHandler(evaluationProgressQuery, (): EvaluationFollowUpProgress => ({
    total: children.length,
    finished: children.filter((c) => c.status !== 'running').length,
    children,
  }));

  await markEvaluationIssued({
    evaluationId: input.evaluationId,
    workflowId: `evaluation-${input.evaluationId}`,
    issuedAt: input.issuedAt,
    total: rectifications.length,
  });

  const items = await Promise.all(
    rectifications.map((r, i) => followRectification(r, (status) => (children[i].status = status))),
  );
  const counts = {
    total: items.length,
    closed: items.filter((i) => i.status === 'closed').length,
    cancelled: items.filter((i) => i.status === 'cancelled').length,
    failed: items.filter((i) => i.status === 'failed').length,
  };
  return finish({ evaluationId: input.evaluationId, counts, items });
}

async function finish(result: EvaluationFollowUpResult): Promise<EvaluationFollowUpResult> {
  await finishEvaluation({
    evaluationId: result.evaluationId,
    finishedAt: new Date(Date.now()).toISOString(),
    counts: result.counts,
    result,
  });
  return result;
}
