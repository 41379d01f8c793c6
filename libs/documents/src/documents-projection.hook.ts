import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RectificationState, TimelineEvent } from '@rectiflow/contracts';
import { RectificationProjectionHook } from '@rectiflow/rectification';
import { LetterIssueHook } from './letter-issue.hook';
import { RepeatFindingMarker } from './repeat-finding.marker';

/** The projection has one hook: this one runs the documents' parts in its transaction (letters, 屡查屡犯). */
@Injectable()
export class DocumentsProjectionHook extends RectificationProjectionHook {
  constructor(
    private readonly letters: LetterIssueHook,
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
    return this.letters.onEvent(tx, snapshot, event);
  }
}
