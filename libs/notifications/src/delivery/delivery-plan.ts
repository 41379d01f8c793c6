import { createHash } from 'node:crypto';
import { isLeaderAudience, isLockedForLeaders, NotificationKind } from '../notification-catalog';
import type { RecipientUser, ResolvedRecipient } from '../recipients/recipient-resolver.service';
import { webhookTarget } from '../webhook/webhook-format';
import {
  ChannelName,
  DeliveryJobData,
  DeliveryMessage,
  DeliveryRef,
  PERSONAL_CHANNELS,
  PersonalChannel,
} from './delivery.types';

/** A rendered notification and who it is for, before channels are chosen. */
export interface PlannedNotification {
  /** Deterministic: the workflow's request key, or the digest's date + recipient. */
  key: string;
  event: NotificationKind;
  level: number | null;
  message: DeliveryMessage;
  ref: DeliveryRef;
  recipients: ResolvedRecipient[];
}

export interface PlanOptions {
  /** Channels users chose for this event; a user without an entry gets every personal channel. */
  preferences: Map<number, PersonalChannel[]>;
  emailEnabled: boolean;
}

/** BullMQ refuses ':' in custom job ids (the same rule as notificationJobId in libs/rectification). */
const safe = (s: string): string => s.replace(/:/g, '_');
const addressTag = (email: string): string => createHash('sha256').update(email).digest('hex').slice(0, 12);

export function deliveryKey(notificationKey: string, channel: ChannelName, recipientTag: string): string {
  return `${safe(notificationKey)}.${channel}.${recipientTag}`;
}

/**
 * One delivery per (notification, recipient, channel). A person reached through several audiences is reached
 * once; an address is mailed once even when it is both a user's and a unit contact; escalations to leaders
 * ignore preferences.
 */
export function planDeliveries(n: PlannedNotification, opts: PlanOptions): DeliveryJobData[] {
  const out = new Map<string, DeliveryJobData>();
  const mailed = new Set<string>();
  const add = (channel: ChannelName, tag: string, recipient: DeliveryJobData['recipient']) => {
    const key = deliveryKey(n.key, channel, tag);
    if (!out.has(key))
      out.set(key, {
        deliveryKey: key,
        notificationKey: n.key,
        event: n.event,
        level: n.level,
        channel,
        recipient,
        message: n.message,
        ref: n.ref,
      });
  };

  const people = new Map<number, { user: RecipientUser; locked: boolean }>();
  for (const r of n.recipients) {
    if (!('user' in r)) continue;
    const locked = isLockedForLeaders(n.event) && isLeaderAudience(r.audience);
    const seen = people.get(r.user.id);
    people.set(r.user.id, { user: seen?.user ?? r.user, locked: (seen?.locked ?? false) || locked });
  }
  for (const { user, locked } of people.values()) {
    const channels = locked ? PERSONAL_CHANNELS : (opts.preferences.get(user.id) ?? PERSONAL_CHANNELS);
    const recipient = { kind: 'user' as const, userId: user.id, name: user.displayName, email: user.email };
    if (channels.includes('in_app')) add('in_app', `u${user.id}`, recipient);
    const email = user.email?.trim().toLowerCase();
    if (channels.includes('email') && opts.emailEnabled && email && !mailed.has(email)) {
      mailed.add(email);
      add('email', `u${user.id}`, recipient);
    }
  }

  for (const r of n.recipients) {
    if (!('unit' in r)) continue;
    const unit = r.unit;
    for (const raw of unit.contactEmails) {
      const email = raw.trim().toLowerCase();
      if (!opts.emailEnabled || !email || mailed.has(email)) continue;
      mailed.add(email);
      add('email', `unit${unit.id}-${addressTag(email)}`, {
        kind: 'unit',
        unitId: unit.id,
        name: unit.name,
        email,
      });
    }
    if (unit.webhookUrl) add('webhook', `unit${unit.id}`, { kind: 'unit', unitId: unit.id, name: unit.name });
  }
  return [...out.values()];
}

/** Where a delivery goes, as the ledger shows it. */
export function deliveryTarget(d: DeliveryJobData, webhookUrl?: string | null): string {
  if (d.channel === 'email') return d.recipient.email ?? '';
  if (d.channel === 'webhook')
    return webhookUrl
      ? webhookTarget(webhookUrl)
      : `unit:${d.recipient.kind === 'unit' ? d.recipient.unitId : ''}`;
  return `user:${d.recipient.kind === 'user' ? d.recipient.userId : ''}`;
}
