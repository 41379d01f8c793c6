import type { Role } from '@rectiflow/auth';
import { isLockedForLeaders, KIND_LABELS, NotificationKind } from '../notification-catalog';
import { PERSONAL_CHANNELS, PersonalChannel } from '../delivery/delivery.types';

export interface PreferenceHolder {
  role: Role;
  isUnitHead: boolean;
}

/** 单位负责人 and leaders are who 督办 / 约谈 / 通报 are addressed to. */
export const isLeader = (u: PreferenceHolder): boolean =>
  u.role === 'bureau_leader' || u.role === 'dept_leader' || u.isUnitHead;

/** Why this user may not choose these channels for this event, or null when they may. */
export function preferenceProblem(
  user: PreferenceHolder,
  kind: NotificationKind,
  channels: readonly string[],
): string | null {
  const unknown = channels.filter((c) => !(PERSONAL_CHANNELS as readonly string[]).includes(c));
  if (unknown.length)
    return `不支持的通知渠道：${unknown.join('、')}（可选 ${PERSONAL_CHANNELS.join('、')}）`;
  if (isLockedForLeaders(kind) && isLeader(user) && PERSONAL_CHANNELS.some((c) => !channels.includes(c)))
    return `「${KIND_LABELS[kind]}」是对单位负责人和领导的督办，不能关闭任何渠道`;
  return null;
}

/** The channels a preference row (or its absence) yields. */
export function effectiveChannels(stored: readonly string[] | undefined): PersonalChannel[] {
  if (!stored) return [...PERSONAL_CHANNELS];
  return PERSONAL_CHANNELS.filter((c) => stored.includes(c));
}
