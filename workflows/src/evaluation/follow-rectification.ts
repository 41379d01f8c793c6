import { ParentClosePolicy, startChild, WorkflowIdReusePolicy } from '@temporalio/workflow';
import type { EvaluationItemResult } from '../../../libs/contracts/src/rectification/evaluation-follow-up.definitions';
import type { RectificationInput } from '../../../libs/contracts/src/rectification/rectification.definitions';
import type { RectificationStatus } from '../../../libs/contracts/src/rectification/rectification.types';
import { SEARCH_ATTRIBUTES } from '../../../libs/contracts/src/search-attributes';
import { rectificationWorkflow } from '../rectification/rectification.workflow';

export type ChildStatus = RectificationStatus | 'running' | 'failed';

/**
 * Starts one rectification child and waits for its outcome; a child that cannot start or fails is reported as
 * 'failed' instead of failing the caller, so one bad item never stops the evaluation's accounting.
 * `allSearchAttributes` also sets the deadline and level at start, so the child's first transition has nothing
 * new to upsert (the runs started before it keep their exact start commands).
 */
export async function followRectification(
  r: Omit<RectificationInput, 'resume'>,
  onStatus: (status: ChildStatus) => void,
  allSearchAttributes = false,
): Promise<EvaluationItemResult> {
  const sa = SEARCH_ATTRIBUTES;
  try {
    const handle = await startChild(rectificationWorkflow, {
      workflowId: r.rectificationId,
      args: [r],
      // The items outlive an accidental termination of the follow-up: they are the bureau's record.
      parentClosePolicy: ParentClosePolicy.ABANDON,
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      typedSearchAttributes: [
        { key: sa.evaluationId, value: r.evaluationId },
        { key: sa.unitId, value: String(r.unitId) },
        { key: sa.status, value: 'issued' },
        ...(allSearchAttributes
          ? [
              { key: sa.escalationLevel, value: 0 },
              { key: sa.deadline, value: new Date(r.deadline.at) },
            ]
          : []),
      ] as never,
    });
    const outcome = await handle.result();
    onStatus(outcome.status);
    return outcome;
  } catch (err) {
    onStatus('failed');
    return {
      rectificationId: r.rectificationId,
      findingSeq: r.findingSeq,
      status: 'failed',
      error: String((err as Error).message ?? err),
    };
  }
}
