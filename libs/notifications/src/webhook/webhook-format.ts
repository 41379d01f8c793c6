import { createHmac } from 'node:crypto';
import type { WebhookFormat } from '@rectiflow/persistence';
import type { DeliveryJobData } from '../delivery/delivery.types';

/** The body of a `generic` webhook: stable field names for any receiver, an SMS gateway included. */
export interface GenericWebhookPayload {
  /** The delivery key: the same on every retry of this delivery, so a receiver can drop duplicates. */
  id: string;
  notificationKey: string;
  event: string;
  level: number | null;
  title: string;
  text: string;
  link: string | null;
  rectificationId: string | null;
  evaluationId: string | null;
  findingSeq: number | null;
  unitId: number | null;
  unitName: string;
  deadline: string | null;
  occurredAt: string;
  sentAt: string;
}

/** Group robots are recognised by host; anything else gets the generic, signed JSON. */
export function detectWebhookFormat(url: string): WebhookFormat {
  const host = new URL(url).hostname.toLowerCase();
  if (host === 'oapi.dingtalk.com' || host.endsWith('.dingtalk.com')) return 'dingtalk';
  if (host === 'qyapi.weixin.qq.com') return 'wecom';
  return 'generic';
}

/** WeCom rejects markdown content over 4096 bytes; DingTalk's limit is larger but similar in spirit. */
const MAX_ROBOT_BYTES = 4000;

function truncateUtf8(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text) <= maxBytes) return text;
  let out = text;
  while (Buffer.byteLength(out) > maxBytes - 12) out = out.slice(0, Math.floor(out.length * 0.9));
  return `${out}\n\n……（内容过长已截断）`;
}

function robotMarkdown(d: DeliveryJobData, heading: string): string {
  // Robots' markdown merges single line breaks: every line becomes its own paragraph.
  const lines = d.message.body.split('\n').filter((l) => l.trim() !== '');
  const link = d.message.link ? `\n\n[查看整改事项](${d.message.link})` : '';
  return (
    truncateUtf8(`${heading}\n\n${lines.join('\n\n')}`, MAX_ROBOT_BYTES - Buffer.byteLength(link)) + link
  );
}

export function webhookBody(format: WebhookFormat, d: DeliveryJobData, sentAt: Date): string {
  if (format === 'dingtalk')
    return JSON.stringify({
      msgtype: 'markdown',
      markdown: { title: d.message.title, text: robotMarkdown(d, `#### ${d.message.title}`) },
    });
  if (format === 'wecom')
    return JSON.stringify({
      msgtype: 'markdown',
      markdown: { content: robotMarkdown(d, `**${d.message.title}**`) },
    });
  const payload: GenericWebhookPayload = {
    id: d.deliveryKey,
    notificationKey: d.notificationKey,
    event: d.event,
    level: d.level,
    title: d.message.title,
    text: d.message.body,
    link: d.message.link,
    ...d.ref,
    unitName: d.recipient.name,
    sentAt: sentAt.toISOString(),
  };
  return JSON.stringify(payload);
}

/**
 * DingTalk robots with 加签 security: `timestamp` (ms) and `sign` = base64 HMAC-SHA256 of "timestamp\nsecret"
 * keyed with the secret, added to the robot URL. DingTalk rejects a timestamp more than an hour off.
 */
export function dingtalkSignedUrl(url: string, secret: string, nowMs: number): string {
  const sign = createHmac('sha256', secret).update(`${nowMs}\n${secret}`).digest('base64');
  const u = new URL(url);
  u.searchParams.set('timestamp', String(nowMs));
  u.searchParams.set('sign', sign);
  return u.toString();
}

/** Where a webhook goes, for the delivery ledger: never the query string, which holds robots' access tokens. */
export function webhookTarget(url: string): string {
  const u = new URL(url);
  return `${u.origin}${u.pathname}`.slice(0, 300);
}
