import type { PolicyDefaults, RectificationPolicy, RectificationType } from '@rectiflow/contracts';
import type { DeadlineRule } from '@rectiflow/calendar';

const DAY = 86400;

/**
 * Defaults per rectification type (DOMAIN.md): 立行立改 is short, 限期整改 follows the usual 90-day written
 * report rule, 分阶段整改 runs by milestones over half a year, 持续整改 is long with periodic progress reports.
 */
export const TYPE_DEFAULTS: Record<
  RectificationType,
  { rule: DeadlineRule; progressReportIntervalDays: number }
> = {
  immediate: { rule: { kind: 'calendar_days', days: 15 }, progressReportIntervalDays: 30 },
  deadline: { rule: { kind: 'calendar_days', days: 90 }, progressReportIntervalDays: 30 },
  phased: { rule: { kind: 'calendar_days', days: 180 }, progressReportIntervalDays: 30 },
  continuous: { rule: { kind: 'calendar_days', days: 365 }, progressReportIntervalDays: 90 },
};

/** The bureau's policy in days, as given when issuing (every field optional). */
export interface IssuePolicyInput {
  requirePlanApproval?: boolean;
  reminderOffsetsDays?: number[];
  escalationOffsetsDays?: number[];
  maxExtensions?: number;
  progressReportIntervalDays?: number;
  /** Who hears of each rung ('1'–'4' → audience names); rungs not named keep the defaults. */
  escalationAudiences?: Partial<Record<'1' | '2' | '3' | '4', string[]>>;
}

/**
 * Days (what the bureau decides) to seconds (what the workflow timers take). Calendar days. What the input leaves
 * out comes from the bureau's defaults (PolicyDefaultsService), the progress interval else from the type.
 */
export function toWorkflowPolicy(
  defaults: PolicyDefaults,
  type: RectificationType,
  input: IssuePolicyInput = {},
): RectificationPolicy {
  const esc = input.escalationOffsetsDays ?? defaults.escalationOffsetsDays;
  return {
    requirePlanApproval: input.requirePlanApproval ?? defaults.requirePlanApproval,
    reminderOffsetsSeconds: (input.reminderOffsetsDays ?? defaults.reminderOffsetsDays).map((d) => d * DAY),
    escalationOffsetsSeconds: [esc[0] * DAY, esc[1] * DAY, esc[2] * DAY, esc[3] * DAY],
    maxExtensions: input.maxExtensions ?? defaults.maxExtensions,
    progressReportIntervalSeconds:
      (input.progressReportIntervalDays ??
        defaults.progressReportIntervalDays ??
        TYPE_DEFAULTS[type].progressReportIntervalDays) * DAY,
    ...(input.escalationAudiences
      ? {
          escalationAudiences: Object.fromEntries(
            Object.entries(input.escalationAudiences).map(([level, a]) => [Number(level), a]),
          ) as RectificationPolicy['escalationAudiences'],
        }
      : {}),
  };
}
