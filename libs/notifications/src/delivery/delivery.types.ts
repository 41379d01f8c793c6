import type { NotificationKind } from '../notification-catalog';

export const CHANNELS = ['in_app', 'email', 'webhook'] as const;
export type ChannelName = (typeof CHANNELS)[number];
/** What a person can choose; webhooks belong to units, not people. */
export const PERSONAL_CHANNELS = ['in_app', 'email'] as const;
export type PersonalChannel = (typeof PERSONAL_CHANNELS)[number];

export const CHANNEL_LABELS: Record<ChannelName, string> = {
  in_app: '站内消息',
  email: '电子邮件',
  webhook: '群机器人 / 回调',
};

/** A rendered notification: the same text goes to every recipient and channel. */
export interface DeliveryMessage {
  title: string;
  /** Plain text; paragraphs are separated by blank lines. Each channel adapts it (markdown for robots). */
  body: string;
  link: string | null;
}

/** What the message is about, for in-app rows, webhook payloads and the admin view. */
export interface DeliveryRef {
  rectificationId: string | null;
  evaluationId: string | null;
  findingSeq: number | null;
  unitId: number | null;
  deadline: string | null;
  occurredAt: string;
}

export type DeliveryRecipient =
  | { kind: 'user'; userId: number; name: string; email: string | null }
  /** A unit: `email` set for one of its contact mailboxes; unset for its webhook (looked up when sending). */
  | { kind: 'unit'; unitId: number; name: string; email?: string };

/** One BullMQ delivery job: one notification, one recipient, one channel. */
export interface DeliveryJobData {
  deliveryKey: string;
  notificationKey: string;
  event: NotificationKind;
  level: number | null;
  channel: ChannelName;
  recipient: DeliveryRecipient;
  message: DeliveryMessage;
  ref: DeliveryRef;
}

/** A failure that retrying cannot fix (a 4xx answer, a rejected address): the job fails at once. */
export class PermanentDeliveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentDeliveryError';
  }
}
