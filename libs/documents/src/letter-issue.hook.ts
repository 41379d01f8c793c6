import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '@rectiflow/config';
import type { RectificationState, TimelineEvent } from '@rectiflow/contracts';
import { SupervisionLetterEntity } from '@rectiflow/persistence';
import { RectificationProjectionHook } from '@rectiflow/rectification';
import { rungsReached } from './escalation-rungs';
import { letterFileName } from './letter-docx.renderer';
import { formatLetterNumber, letterYear } from './letter-number';
import { LetterNumberService } from './letter-number.service';
import { LetterRenderService } from './letter-render.service';

/**
 * 督办文书 per rung: when an `escalation` event is projected, one letter row per rung reached is created with its
 * 文号, in the projection's transaction (after the rectification row is locked). A retried activity finds its
 * rows by (rectificationId, eventSeq, level) and allocates nothing. The .docx is rendered after the commit, in
 * the background; a failure there is logged and left for the first read (list, download, e-mail attachment).
 */
@Injectable()
export class LetterIssueHook extends RectificationProjectionHook {
  private readonly logger = new Logger(LetterIssueHook.name);

  constructor(
    private readonly numbers: LetterNumberService,
    private readonly renderer: LetterRenderService,
    private readonly config: AppConfig,
  ) {
    super();
  }

  async onEvent(
    tx: EntityManager,
    snapshot: RectificationState,
    event: TimelineEvent,
  ): Promise<(() => Promise<void>) | void> {
    const rungs = rungsReached(snapshot, event);
    if (!rungs.length) return;
    const repo = tx.getRepository(SupervisionLetterEntity);
    const existing = await repo.find({
      where: { rectificationId: snapshot.id, eventSeq: event.seq },
      select: { id: true, level: true, sha256: true },
    });
    const missing = rungs.filter((l) => !existing.some((e) => e.level === l));
    const ids = existing.filter((e) => !e.sha256).map((e) => e.id);
    if (missing.length) {
      const issuedAt = new Date(event.at);
      const prefix = this.config.documents.letterNumberPrefix;
      const year = letterYear(issuedAt, this.config.notifications.timezone);
      const seqs = await this.numbers.allocate(tx, prefix, year, missing.length);
      for (const [i, level] of missing.entries()) {
        const docNumber = formatLetterNumber(prefix, year, seqs[i]);
        const result = await tx.insert(SupervisionLetterEntity, {
          rectificationId: snapshot.id,
          eventSeq: event.seq,
          level,
          unitId: snapshot.unitId,
          prefix,
          year,
          seq: seqs[i],
          docNumber,
          issuedAt,
          fileName: letterFileName({ docNumber, level }),
          sha256: null,
          storageKey: null,
          size: null,
        });
        ids.push(Number(result.identifiers[0].id));
      }
    }
    if (!ids.length) return;
    // Not awaited: the activity answers as soon as the rows are committed, so the workflow's next timer is not
    // held back by packaging a .docx (a slow activity made the ladder skip rungs' notices).
    return async () => void this.renderAll(ids);
  }

  private async renderAll(ids: number[]): Promise<void> {
    for (const id of ids)
      await this.renderer.ensureRendered(id).catch((err: unknown) => {
        this.logger.warn({ err, letterId: id }, 'letter not rendered yet; it is rendered on first read');
      });
  }
}
