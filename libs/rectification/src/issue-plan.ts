import type {
  Actor,
  Deadline,
  EvaluationFollowUpInput,
  RectificationInput,
  RectificationPolicy,
  RectificationType,
} from '@rectiflow/contracts';
import { CURRENT_RUN_FLAGS, rectificationWorkflowId } from '@rectiflow/contracts';

/**
 * What issuing fixed, stored on the evaluation (evaluation.issuePlan) and read back page by page by the page
 * workflows: what differs per item (unit, type, deadline) once per item, what is shared (policy per type, who,
 * when) once. ~90 bytes an item — 10,000 findings are under 1 MB — and finding titles are read from `finding`.
 */
export interface IssuePlan {
  version: 2;
  evaluationId: string;
  issuedBy: Actor;
  issuedAt: string;
  deliveryDate: string;
  policies: Partial<Record<RectificationType, RectificationPolicy>>;
  /** In finding order; page k is items[k·pageSize, (k+1)·pageSize). */
  items: { seq: number; unitId: number; type: RectificationType; deadline: Deadline }[];
}

/** A plan stored before issuing by reference carried every workflow input (still resumable as it was). */
export type StoredIssuePlan = IssuePlan | (EvaluationFollowUpInput & { version?: undefined });

export const isPagedPlan = (plan: StoredIssuePlan): plan is IssuePlan => plan.version === 2;

export function planPage(
  plan: IssuePlan,
  page: number,
  pageSize: number,
  titles: ReadonlyMap<number, string>,
): Omit<RectificationInput, 'resume'>[] {
  return plan.items.slice(page * pageSize, (page + 1) * pageSize).map((item) => {
    const policy = plan.policies[item.type];
    if (!policy) throw new Error(`issue plan of ${plan.evaluationId} has no policy for type ${item.type}`);
    return {
      rectificationId: rectificationWorkflowId(plan.evaluationId, item.seq),
      evaluationId: plan.evaluationId,
      findingSeq: item.seq,
      findingTitle: titles.get(item.seq) ?? '',
      unitId: item.unitId,
      type: item.type,
      deadline: item.deadline,
      deliveryDate: plan.deliveryDate,
      policy,
      issuedBy: plan.issuedBy,
      ...CURRENT_RUN_FLAGS,
    };
  });
}
