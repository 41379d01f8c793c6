import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AppConfig } from '@rectiflow/config';
import { UnitEntity, UnitWebhookSettingEntity } from '@rectiflow/persistence';
import { DeliveryJobData, PermanentDeliveryError } from '../delivery/delivery.types';
import type { NotificationChannel } from '../delivery/notification-channel';
import { resolvedAddressRefusal } from '../webhook/webhook-address.policy';
import { detectWebhookFormat, dingtalkSignedUrl, webhookBody } from '../webhook/webhook-format';
import {
  signWebhook,
  WEBHOOK_DELIVERY_HEADER,
  WEBHOOK_EVENT_HEADER,
  WEBHOOK_SIGNATURE_HEADER,
  WEBHOOK_TIMESTAMP_HEADER,
} from '../webhook/webhook-signature';

/** Answers worth retrying; any other 4xx means the request itself is wrong and would be refused again. */
const RETRYABLE_4XX = [408, 425, 429];

/**
 * JSON POST to the unit's webhookUrl, read when sending (a corrected URL applies to pending retries), in the
 * unit's format: generic (signed), DingTalk or WeCom group robot. See libs/notifications/README.md.
 */
@Injectable()
export class WebhookChannel implements NotificationChannel {
  readonly name = 'webhook' as const;
  readonly enabled = true;

  constructor(
    private readonly config: AppConfig,
    @InjectRepository(UnitEntity) private readonly units: Repository<UnitEntity>,
    @InjectRepository(UnitWebhookSettingEntity)
    private readonly settings: Repository<UnitWebhookSettingEntity>,
  ) {}

  async send(d: DeliveryJobData): Promise<void> {
    if (d.recipient.kind !== 'unit') throw new PermanentDeliveryError('回调只能发给单位');
    const unitId = d.recipient.unitId;
    const unit = await this.units.findOne({ where: { id: unitId }, select: { id: true, webhookUrl: true } });
    if (!unit?.webhookUrl) throw new PermanentDeliveryError(`单位 ${unitId} 未配置回调地址`);
    if (!this.config.notifications.webhookAllowPrivateNetworks) {
      // After DNS, right before sending: a name saved as public may have been re-pointed inside the network.
      const refusal = await resolvedAddressRefusal(unit.webhookUrl).catch((err: Error) => {
        throw new Error(`回调地址无法解析（${err.message}）`);
      });
      if (refusal) throw new PermanentDeliveryError(refusal);
    }
    const setting = await this.settings
      .createQueryBuilder('s')
      .addSelect('s.signSecret')
      .where('s.unitId = :unitId', { unitId })
      .getOne();
    const format = setting?.format ?? detectWebhookFormat(unit.webhookUrl);
    const now = new Date();
    const body = webhookBody(format, d, now);
    const timestamp = String(Math.floor(now.getTime() / 1000));
    const headers: Record<string, string> = {
      'Content-Type': 'application/json; charset=utf-8',
      'User-Agent': 'Rectiflow-Notifier/1.0',
      [WEBHOOK_EVENT_HEADER]: d.event,
      [WEBHOOK_DELIVERY_HEADER]: d.deliveryKey,
      [WEBHOOK_TIMESTAMP_HEADER]: timestamp,
    };
    const secret = this.config.notifications.webhookSecret;
    if (secret) headers[WEBHOOK_SIGNATURE_HEADER] = signWebhook(secret, timestamp, body);
    const url =
      format === 'dingtalk' && setting?.signSecret
        ? dingtalkSignedUrl(unit.webhookUrl, setting.signSecret, now.getTime())
        : unit.webhookUrl;

    let res: Response;
    try {
      res = await fetch(url, {
        method: 'POST',
        headers,
        body,
        redirect: 'error',
        signal: AbortSignal.timeout(this.config.notifications.sendTimeoutMs),
      });
    } catch (err) {
      throw new Error(`回调请求失败（${new URL(url).host}）`, { cause: err });
    }
    const text = await res.text().catch(() => '');
    if (!res.ok) {
      const message = `回调地址答复 HTTP ${res.status}${text ? `：${text.slice(0, 200)}` : ''}`;
      if (res.status >= 400 && res.status < 500 && !RETRYABLE_4XX.includes(res.status))
        throw new PermanentDeliveryError(message);
      throw new Error(message);
    }
    if (format !== 'generic') robotAnswer(format, text);
  }
}

/** Robots answer 200 with {errcode, errmsg}; errcode 0 is the only success (rate limits come back as errors). */
function robotAnswer(format: string, text: string): void {
  let answer: { errcode?: number; errmsg?: string } = {};
  try {
    answer = JSON.parse(text) as typeof answer;
  } catch {
    throw new Error(`${format} 机器人答复无法解析：${text.slice(0, 200)}`);
  }
  if (answer.errcode !== 0)
    throw new Error(`${format} 机器人拒绝：errcode ${answer.errcode} ${answer.errmsg ?? ''}`.trim());
}
