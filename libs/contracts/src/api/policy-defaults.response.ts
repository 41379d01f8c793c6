/**
 * The bureau's default rectification policy (GET/PUT /admin/policy-defaults), in days as the bureau decides it.
 * Pure types and labels: the API answers with it and the web app reads it (Vite alias `@contracts`).
 */
export interface PolicyDefaults {
  /** Whether a unit's 整改方案 must be approved by the bureau. */
  requirePlanApproval: boolean;
  /** Days before the deadline, strictly decreasing (7, 3, 1). */
  reminderOffsetsDays: number[];
  /** Days after the deadline for 提醒函, 督办, 约谈, 通报 (strictly increasing). */
  escalationOffsetsDays: number[];
  maxExtensions: number;
  /** Days between progress reports; null keeps each rectification type's own default. */
  progressReportIntervalDays: number | null;
}

/** `stored`: saved by an administrator; `environment`: nothing saved, the deployment's environment variables. */
export const POLICY_DEFAULTS_SOURCES = ['stored', 'environment'] as const;
export type PolicyDefaultsSource = (typeof POLICY_DEFAULTS_SOURCES)[number];

export const POLICY_DEFAULTS_SOURCE_LABELS: Record<PolicyDefaultsSource, string> = {
  stored: '管理员设置',
  environment: '系统配置（环境变量）',
};

export interface PolicyDefaultsResponse {
  defaults: PolicyDefaults;
  source: PolicyDefaultsSource;
  /** ISO instant of the last save; null while the environment's values apply. */
  updatedAt: string | null;
  updatedBy: { id: number; username: string; displayName: string } | null;
}
