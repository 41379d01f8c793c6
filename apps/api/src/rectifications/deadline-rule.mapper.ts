import type { DeadlineRule } from '@rectiflow/calendar';
import type { IssueEvaluationInput } from '@rectiflow/rectification';
import type { DeadlineRuleDto } from './deadline-rule.dto';
import type { IssueEvaluationDto } from './issue-evaluation.dto';

export function toDeadlineRule(dto: DeadlineRuleDto | undefined): DeadlineRule | undefined {
  if (!dto) return undefined;
  return dto.kind === 'date' ? { kind: 'date', date: dto.date! } : { kind: dto.kind, days: dto.days! };
}

export function toIssueInput(dto: IssueEvaluationDto): IssueEvaluationInput {
  return {
    deliveryDate: dto.deliveryDate,
    unitId: dto.unitId,
    type: dto.type,
    deadlineRule: toDeadlineRule(dto.deadlineRule),
    policy: dto.policy,
    overrides: dto.overrides?.map((o) => ({
      seq: o.seq,
      unitId: o.unitId,
      type: o.type,
      deadlineRule: toDeadlineRule(o.deadlineRule),
    })),
    acknowledgePastDeadlines: dto.acknowledgePastDeadlines,
  };
}
