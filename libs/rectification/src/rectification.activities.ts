import type { EvaluationFollowUpActivities, RectificationActivities } from '@rectiflow/contracts';
import type { EvaluationLifecycleService } from './evaluation-lifecycle.service';
import type { IssuePageService } from './issue-page.service';
import type { NotificationRequestService } from './notification-request.service';
import type { RectificationProjectionService } from './rectification-projection.service';

export interface RectificationActivityDeps {
  projection: RectificationProjectionService;
  notifications: NotificationRequestService;
  evaluations: EvaluationLifecycleService;
  issuePages: IssuePageService;
}

export function createRectificationActivities(
  deps: RectificationActivityDeps,
): RectificationActivities & EvaluationFollowUpActivities {
  const activities: RectificationActivities & EvaluationFollowUpActivities = {
    recordRectificationEvent: ({ snapshot, event }) => deps.projection.record(snapshot, event),
    enqueueNotification: (request) => deps.notifications.enqueue(request),
    // The read model first: a notification never announces a state the ledger does not show yet.
    recordRectificationTransition: async ({ snapshot, event, notifications }) => {
      await activities.recordRectificationEvent({ snapshot, event });
      await deps.notifications.enqueueAll(notifications);
    },
    markEvaluationIssued: ({ evaluationId, issuedAt }) => deps.evaluations.markIssued(evaluationId, issuedAt),
    finishEvaluation: ({ evaluationId, finishedAt, counts, result }) =>
      deps.evaluations.markFinished(evaluationId, finishedAt, counts, result),
    loadIssuePage: (input) => deps.issuePages.load(input),
  };
  return activities;
}
