import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RectificationState, TimelineEvent } from '@rectiflow/contracts';
import { RectificationProjectionHook } from '@rectiflow/rectification';
import { LetterIssueHook } from './letter-issue.hook';
import { RecheckStartHook } from './recheck-start.hook';
import { RepeatFindingMarker } from './repeat-finding.marker';

/**
 * The one projection hook of the documents library: 屡查屡犯 when the item's unit is set, letters per rung, then
 * the 回头看 start after 销号.
 */
@Injectable()
export class DocumentsProjectionHook extends RectificationProjectionHook {
  constructor(
    private readonly letters: LetterIssueHook,
    private readonly rechecks: RecheckStartHook,
    private readonly repeats: RepeatFindingMarker,
  ) {
    super();
  }

  async onEvent(
    tx: EntityManager,
    snapshot: RectificationState,
    event: TimelineEvent,
  ): Promise<(() => Promise<void>) | void> {
    // The unit is final at issuing and changes only by reassignment: the moments to compare with its history.
    if (event.action === 'issued' || event.action === 'reassign')
      await this.repeats.markFinding(tx, snapshot);
    const letters = await this.letters.onEvent(tx, snapshot, event);
    const recheck = this.rechecks.afterCommit(snapshot, event);
    if (!letters && !recheck) return;
    return async () => {
      if (letters) await letters();
      if (recheck) await recheck();
    };
  }
}
