import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@rectiflow/audit';
import type { AuthUser } from '@rectiflow/auth';
import { AppError } from '@rectiflow/common';
import { AppConfig } from '@rectiflow/config';
import type { PolicyDefaults, PolicyDefaultsResponse } from '@rectiflow/contracts';
import { policyProblem } from './issue-policy-rules';
import { PolicyDefaultsRepository } from './policy-defaults.repository';

/** The environment's defaults (REMINDER_OFFSETS_DAYS, ESCALATION_OFFSETS_DAYS, MAX_EXTENSIONS), in the same shape. */
export function environmentPolicyDefaults(config: AppConfig): PolicyDefaults {
  return {
    requirePlanApproval: true,
    reminderOffsetsDays: [...config.policy.reminderOffsetsDays],
    escalationOffsetsDays: [...config.policy.escalationOffsetsDays],
    maxExtensions: config.policy.maxExtensions,
    progressReportIntervalDays: null,
  };
}

/**
 * The one place that says what "the defaults" are: the row an administrator saved, else the environment. Issuing
 * and its dry run take their defaults from here; a per-evaluation policy given when issuing still overrides.
 */
@Injectable()
export class PolicyDefaultsService {
  constructor(
    private readonly db: DataSource,
    private readonly repo: PolicyDefaultsRepository,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  async current(manager?: EntityManager): Promise<PolicyDefaults> {
    return (await this.effective(manager)).defaults;
  }

  async effective(manager?: EntityManager, lock = false): Promise<PolicyDefaultsResponse> {
    const stored = await this.repo.find(manager, lock);
    if (!stored)
      return {
        defaults: environmentPolicyDefaults(this.config),
        source: 'environment',
        updatedAt: null,
        updatedBy: null,
      };
    return {
      defaults: stored.defaults,
      source: 'stored',
      updatedAt: stored.updatedAt.toISOString(),
      updatedBy: stored.updatedBy,
    };
  }

  /**
   * Replaces the defaults as a whole, checked by the same rules issuing applies to a per-evaluation policy (400
   * with the reason in Chinese, nothing stored); the row and its audit entry (before and after) commit together.
   */
  async put(input: PolicyDefaults, user: AuthUser, ip?: string): Promise<PolicyDefaultsResponse> {
    const defaults: PolicyDefaults = {
      requirePlanApproval: input.requirePlanApproval,
      reminderOffsetsDays: input.reminderOffsetsDays,
      escalationOffsetsDays: input.escalationOffsetsDays,
      maxExtensions: input.maxExtensions,
      progressReportIntervalDays: input.progressReportIntervalDays ?? null,
    };
    const problem = policyProblem({
      ...defaults,
      progressReportIntervalDays: defaults.progressReportIntervalDays ?? undefined,
    });
    if (problem) throw new AppError('VALIDATION_FAILED', problem, { field: 'policy' });
    await this.db.transaction(async (tx) => {
      const before = await this.effective(tx, true);
      await this.repo.save(defaults, user.id, tx);
      await this.audit.record(
        {
          actor: user,
          action: 'policy_defaults.put',
          entityType: 'policy_defaults',
          entityId: 1,
          ip,
          payload: { before: { source: before.source, ...before.defaults }, after: defaults },
        },
        tx,
      );
    });
    return this.effective();
  }
}
