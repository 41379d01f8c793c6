import type { EvaluationFollowUpActivities, RectificationActivities } from '@rectiflow/contracts';
import type { EvaluationLifecycleService } from './evaluation-lifecycle.service';
import type { NotificationRequestService } from './notification-request.service';
import type { RectificationProjectionService } from './rectification-projection.service';

export interface RectificationActivityDeps {
  projection: RectificationProjectionService;
  notifications: NotificationRequestService;
  evaluations: EvaluationLifecycleService;
}

export function createRectificationActivities(
  deps: RectificationActivityDeps,
): RectificationActivities & EvaluationFollowUpActivities {
  return {
    recordRectificationEvent: ({ snapshot, event }) => deps.projection.record(snapshot, event),
    enqueueNotification: (request) => deps.notifications.enqueue(request),
    markEvaluationIssued: ({ evaluationId, issuedAt }) => deps.evaluations.markIssued(evaluationId, issuedAt),
    finishEvaluation: ({ evaluationId, finishedAt, counts, result }) =>
      deps.evaluations.markFinished(evaluationId, finishedAt, counts, result),
  };
}
