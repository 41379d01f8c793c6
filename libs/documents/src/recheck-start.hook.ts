import { Injectable } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy } from '@temporalio/client';
import { AppConfig } from '@rectiflow/config';
import {
  hasRecheck,
  RECHECK_WORKFLOW_TYPE,
  recheckWorkflowId,
  type RecheckInput,
  type RectificationState,
  type TimelineEvent,
} from '@rectiflow/contracts';

/**
 * 回头看 after 销号: when the projection records an item reaching `closed`, its recheck workflow is started after
 * the commit (deterministic id, so a retried activity or a second closing event starts nothing new). A failed
 * start throws, so the projection activity is retried — the only place that would start it.
 */
@Injectable()
export class RecheckStartHook {
  constructor(
    private readonly temporal: Client,
    private readonly config: AppConfig,
  ) {}

  afterCommit(snapshot: RectificationState, _event: TimelineEvent): (() => Promise<void>) | undefined {
    if (snapshot.status !== 'closed' || !snapshot.closedAt || !hasRecheck(snapshot.type)) return undefined;
    const input: RecheckInput = {
      rectificationId: snapshot.id,
      evaluationId: snapshot.evaluationId,
      findingSeq: snapshot.findingSeq,
      findingTitle: snapshot.findingTitle,
      unitId: snapshot.unitId,
      type: snapshot.type,
      closedAt: snapshot.closedAt,
      periodSeconds: this.config.documents.recheckPeriodSeconds,
    };
    return async () => {
      try {
        await this.temporal.workflow.start(RECHECK_WORKFLOW_TYPE, {
          taskQueue: this.config.temporal.taskQueue,
          workflowId: recheckWorkflowId(snapshot.id),
          args: [input],
          workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
        });
      } catch (err) {
        if (err instanceof WorkflowExecutionAlreadyStartedError) return;
        throw err;
      }
    };
  }
}
