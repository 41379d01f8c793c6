import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { DeliveryJobData, EmailAttachment, EmailAttachmentSource } from '@rectiflow/notifications';
import { SupervisionLetterEntity } from '@rectiflow/persistence';
import { FileStore } from '@rectiflow/storage';
import { LetterRenderService } from './letter-render.service';
import { DOCX_MIME } from './letter.types';

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/**
 * The e-mail notice of a rung carries its letter (.docx). The notice is enqueued after the projection that wrote
 * the letter, so the newest letter of that rung is the one announced (with the letters of rungs climbed in the
 * same step). A letter that cannot be found or read
 * leaves the notice without attachment (logged) rather than holding it back.
 */
@Injectable()
export class LetterAttachmentSource extends EmailAttachmentSource {
  private readonly logger = new Logger(LetterAttachmentSource.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly store: FileStore,
    private readonly renderer: LetterRenderService,
  ) {
    super();
  }

  async forDelivery(d: DeliveryJobData): Promise<EmailAttachment[]> {
    if (d.event !== 'escalation' || !d.ref.rectificationId || !d.level) return [];
    try {
      const found = await this.db.getRepository(SupervisionLetterEntity).findOne({
        where: { rectificationId: d.ref.rectificationId, level: d.level },
        order: { id: 'DESC' },
      });
      if (!found) return [];
      // Rungs climbed at once are announced by one notice: it carries each of their letters.
      const same = await this.db.getRepository(SupervisionLetterEntity).find({
        where: { rectificationId: found.rectificationId, eventSeq: found.eventSeq },
        order: { level: 'ASC' },
      });
      const out: EmailAttachment[] = [];
      for (const l of same) {
        const letter = await this.renderer.ensureRendered(l.id);
        const content = await readAll(this.store.open(letter.sha256 as string));
        out.push({ filename: letter.fileName, content, contentType: DOCX_MIME });
      }
      return out;
    } catch (err) {
      this.logger.warn({ err, deliveryKey: d.deliveryKey }, 'escalation e-mail sent without its letter');
      return [];
    }
  }
}
