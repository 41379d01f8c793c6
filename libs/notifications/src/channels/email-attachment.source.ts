import type { DeliveryJobData } from '../delivery/delivery.types';

export interface EmailAttachment {
  filename: string;
  content: Buffer;
  contentType: string;
}

/**
 * Files an e-mail notice carries (e.g. the 督办文书 of the rung an escalation notice announces). Provided
 * optionally by a global module; without one, e-mails are plain text as before. Must not throw for a missing
 * file: the notice goes out without it.
 */
export abstract class EmailAttachmentSource {
  abstract forDelivery(d: DeliveryJobData): Promise<EmailAttachment[]>;
}
