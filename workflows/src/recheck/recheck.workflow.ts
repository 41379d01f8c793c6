import {
  ApplicationFailure,
  condition,
  ParentClosePolicy,
  proxyActivities,
  setHandler,
  sleep,
  startChild,
  WorkflowIdReusePolicy,
} from '@temporalio/workflow';
import type {
  RecheckActivities,
  RecheckDecision,
  RecheckInput,
  RecheckState,
} from '../../../libs/contracts/src/rectification/recheck.definitions';
import {
  decideRecheckUpdate,
  recheckStateQuery,
} from '../../../libs/contracts/src/rectification/recheck.definitions';
import { SEARCH_ATTRIBUTES } from '../../../libs/contracts/src/search-attributes';
import { rectificationWorkflow } from '../rectification/rectification.workflow';

const { openRecheck, recordRecheckDecision } = proxyActivities<RecheckActivities>({
  startToCloseTimeout: '10 seconds',
  // No maximum attempts: a MySQL outage delays the task, it never loses it.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/**
 * 回头看 of one closed item: a durable timer until the re-check falls due, then a task for the bureau that
 * waits for one decision. 反弹 starts the new rectification as an abandoned child (it is the bureau's record
 * and outlives this workflow); the item's own workflow is left untouched.
 */
export async function recheckWorkflow(input: RecheckInput): Promise<RecheckState> {
  const dueMs = Date.parse(input.closedAt) + input.periodSeconds * 1000;
  const state: RecheckState = {
    rectificationId: input.rectificationId,
    status: 'waiting',
    dueAt: new Date(dueMs).toISOString(),
    decision: null,
  };
  let recorded = false;
  setHandler(recheckStateQuery, () => state);
  setHandler(
    decideRecheckUpdate,
    async (decision: RecheckDecision): Promise<RecheckState> => {
      state.decision = decision;
      if (decision.rebound) await startRebound(decision.rebound);
      await recordRecheckDecision({ rectificationId: input.rectificationId, decision });
      state.status = 'done';
      recorded = true;
      return state;
    },
    {
      validator: (decision: RecheckDecision) => {
        if (state.status === 'waiting')
          throw ApplicationFailure.nonRetryable('回头看尚未到期', 'RECHECK_NOT_DUE');
        if (state.decision) throw ApplicationFailure.nonRetryable('该回头看已作出结论', 'RECHECK_DECIDED');
        if ((decision.outcome === 'rebound') !== Boolean(decision.rebound))
          throw ApplicationFailure.nonRetryable('反弹须附新的整改事项', 'RECHECK_INVALID');
      },
    },
  );

  await sleep(Math.max(0, dueMs - Date.now()));
  await openRecheck({ recheck: input, dueAt: state.dueAt });
  state.status = 'due';
  await condition(() => recorded);
  return state;
}

async function startRebound(r: NonNullable<RecheckDecision['rebound']>): Promise<void> {
  const sa = SEARCH_ATTRIBUTES;
  await startChild(rectificationWorkflow, {
    workflowId: r.rectificationId,
    args: [r],
    parentClosePolicy: ParentClosePolicy.ABANDON,
    workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
    typedSearchAttributes: [
      { key: sa.evaluationId, value: r.evaluationId },
      { key: sa.unitId, value: String(r.unitId) },
      { key: sa.status, value: 'issued' },
      { key: sa.escalationLevel, value: 0 },
      { key: sa.deadline, value: new Date(r.deadline.at) },
    ] as never,
  });
}
