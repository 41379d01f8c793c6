import { Injectable, OnApplicationShutdown, Optional } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { AppConfig } from '@rectiflow/config';
import { DeliveryJobData, PermanentDeliveryError } from '../delivery/delivery.types';
import type { NotificationChannel } from '../delivery/notification-channel';
import { EmailAttachmentSource } from './email-attachment.source';
import { WEBHOOK_DELIVERY_HEADER, WEBHOOK_EVENT_HEADER } from '../webhook/webhook-signature';

/** Email over SMTP_URL (plain text, UTF-8; attachments from an EmailAttachmentSource when one is provided). Disabled when SMTP_URL is empty: no email delivery is planned then. */
@Injectable()
export class EmailChannel implements NotificationChannel, OnApplicationShutdown {
  readonly name = 'email' as const;
  readonly enabled: boolean;
  private transporter?: Transporter;

  constructor(
    private readonly config: AppConfig,
    @Optional() private readonly attachments?: EmailAttachmentSource,
  ) {
    this.enabled = !!config.notifications.smtpUrl;
  }

  async send(d: DeliveryJobData): Promise<void> {
    const to = d.recipient.email;
    if (!to) throw new PermanentDeliveryError('收件人没有邮箱地址');
    const attachments = (await this.attachments?.forDelivery(d)) ?? [];
    try {
      await this.transport().sendMail({
        from: this.config.notifications.mailFrom,
        to,
        subject: d.message.title,
        text: d.message.body,
        attachments,
        // The same Message-ID on every retry lets a mail system recognise a duplicate.
        messageId: `<${d.deliveryKey}@rectiflow>`,
        headers: { [WEBHOOK_DELIVERY_HEADER]: d.deliveryKey, [WEBHOOK_EVENT_HEADER]: d.event },
      });
    } catch (err) {
      const e = err as { responseCode?: number; code?: string; message?: string };
      // 5xx is the server's final word about this message (unknown mailbox, rejected sender): retrying cannot help.
      if ((e.responseCode ?? 0) >= 500 || e.code === 'EENVELOPE')
        throw new PermanentDeliveryError(`邮件被拒收：${e.message ?? String(err)}`);
      throw err;
    }
  }

  onApplicationShutdown(): void {
    this.transporter?.close();
  }

  private transport(): Transporter {
    const timeout = this.config.notifications.sendTimeoutMs;
    this.transporter ??= createTransport({
      url: this.config.notifications.smtpUrl,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
    });
    return this.transporter;
  }
}
