import { AuditContext, AuditService } from '@rectiflow/audit';
import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import { AppError, NotFoundError } from '@rectiflow/common';
import { AppUserEntity, NotificationPreferenceEntity } from '@rectiflow/persistence';
import {
  isLockedForLeaders,
  KIND_LABELS,
  NOTIFICATION_KINDS,
  NotificationKind,
} from '../notification-catalog';
import type { PersonalChannel } from '../delivery/delivery.types';
import { effectiveChannels, isLeader, preferenceProblem } from './preference-rules';

export interface PreferenceView {
  event: NotificationKind;
  label: string;
  channels: PersonalChannel[];
  /** True when this user cannot switch the event off (escalations to leaders). */
  locked: boolean;
}

export interface PreferenceChange {
  event: NotificationKind;
  channels: string[];
}

/** Per-user, per-event channel choices. No row means every personal channel. */
@Injectable()
export class NotificationPreferenceService {
  constructor(
    @InjectRepository(NotificationPreferenceEntity)
    private readonly prefs: Repository<NotificationPreferenceEntity>,
    @InjectRepository(AppUserEntity) private readonly users: Repository<AppUserEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Channels each user chose for `kind`; users without a row are absent (the caller applies the default). */
  async storedChannels(userIds: number[], kind: NotificationKind): Promise<Map<number, PersonalChannel[]>> {
    if (userIds.length === 0) return new Map();
    const rows = await this.prefs.find({
      where: { userId: In(userIds), event: kind },
      select: { userId: true, channels: true },
    });
    return new Map(rows.map((r) => [r.userId, effectiveChannels(r.channels)]));
  }

  async list(userId: number): Promise<PreferenceView[]> {
    const user = await this.holder(userId);
    const rows = await this.prefs.find({ where: { userId }, select: { event: true, channels: true } });
    const stored = new Map(rows.map((r) => [r.event, r.channels]));
    return NOTIFICATION_KINDS.map((kind) => {
      const locked = isLockedForLeaders(kind) && isLeader(user);
      return {
        event: kind,
        label: KIND_LABELS[kind],
        channels: locked ? effectiveChannels(undefined) : effectiveChannels(stored.get(kind)),
        locked,
      };
    });
  }

  /** All or nothing: one refused change rejects the whole request with 400 naming the event and the reason. */
  async update(userId: number, changes: PreferenceChange[], by?: AuditContext): Promise<PreferenceView[]> {
    const user = await this.holder(userId);
    const problems: Record<string, string[]> = {};
    for (const c of changes) {
      const problem = preferenceProblem(user, c.event, c.channels);
      if (problem) problems[c.event] = [problem];
    }
    if (Object.keys(problems).length)
      throw new AppError('VALIDATION_FAILED', `通知偏好无效：${Object.values(problems).flat().join('；')}`, {
        fields: problems,
      });
    await this.dataSource.transaction(async (tx) => {
      for (const c of changes)
        await tx.query(
          `INSERT INTO notification_preference (userId, event, channels) VALUES (?, ?, ?)
           ON DUPLICATE KEY UPDATE channels = VALUES(channels)`,
          [userId, c.event, JSON.stringify([...new Set(c.channels)])],
        );
      await this.audit.record(
        {
          actor: by?.actor ?? null,
          action: 'notification.preferences.update',
          entityType: 'app_user',
          entityId: userId,
          ip: by?.ip,
          payload: { changes },
        },
        tx,
      );
    });
    return this.list(userId);
  }

  private async holder(userId: number): Promise<AppUserEntity> {
    const user = await this.users.findOne({
      where: { id: userId },
      select: { id: true, role: true, isUnitHead: true },
    });
    if (!user) throw new NotFoundError('用户', userId);
    return user;
  }
}
