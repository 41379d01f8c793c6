import { Global, Module } from '@nestjs/common';
import { EmailAttachmentSource } from '@rectiflow/notifications';
import { PersistenceModule } from '@rectiflow/persistence';
import { RectificationProjectionHook } from '@rectiflow/rectification';
import { StorageModule } from '@rectiflow/storage';
import { LetterAttachmentSource } from './letter-attachment.source';
import { LetterIssueHook } from './letter-issue.hook';
import { LetterNumberService } from './letter-number.service';
import { LetterRenderService } from './letter-render.service';
import { DocumentsProjectionHook } from './documents-projection.hook';
import { RecheckActivityService } from './recheck-activity.service';
import { RecheckStartHook } from './recheck-start.hook';
import { RepeatFindingMarker } from './repeat-finding.marker';

/**
 * The worker side of 督办文书 and 屡查屡犯: 文号 allocation and letter rows inside the projection's transaction (through the
 * projection hook), rendering after the commit; the 回头看 workflow's start after 销号 (same hook) and its
 * activities. Global so the rectification projection finds the hook without importing this library; likewise
 * the e-mail channel finds the letter to attach to an escalation notice.
 */
@Global()
@Module({
  imports: [PersistenceModule, StorageModule],
  providers: [
    LetterNumberService,
    LetterRenderService,
    LetterIssueHook,
    RecheckStartHook,
    RepeatFindingMarker,
    DocumentsProjectionHook,
    { provide: RectificationProjectionHook, useExisting: DocumentsProjectionHook },
    RecheckActivityService,
    LetterAttachmentSource,
    { provide: EmailAttachmentSource, useExisting: LetterAttachmentSource },
  ],
  exports: [
    LetterNumberService,
    LetterRenderService,
    RectificationProjectionHook,
    EmailAttachmentSource,
    RecheckActivityService,
    RepeatFindingMarker,
  ],
})
export class DocumentsWorkerModule {}
