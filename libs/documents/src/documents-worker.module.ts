import { Global, Module } from '@nestjs/common';
import { EmailAttachmentSource } from '@rectiflow/notifications';
import { PersistenceModule } from '@rectiflow/persistence';
import { RectificationProjectionHook } from '@rectiflow/rectification';
import { StorageModule } from '@rectiflow/storage';
import { LetterAttachmentSource } from './letter-attachment.source';
import { LetterIssueHook } from './letter-issue.hook';
import { LetterNumberService } from './letter-number.service';
import { LetterRenderService } from './letter-render.service';

/**
 * The worker side of 督办文书: 文号 allocation and letter rows inside the projection's transaction (through the
 * projection hook), rendering after the commit. Global so the rectification projection finds the hook without
 * importing this library; likewise the e-mail channel finds the letter to attach to an escalation notice.
 */
@Global()
@Module({
  imports: [PersistenceModule, StorageModule],
  providers: [
    LetterNumberService,
    LetterRenderService,
    LetterIssueHook,
    { provide: RectificationProjectionHook, useExisting: LetterIssueHook },
    LetterAttachmentSource,
    { provide: EmailAttachmentSource, useExisting: LetterAttachmentSource },
  ],
  exports: [LetterNumberService, LetterRenderService, RectificationProjectionHook, EmailAttachmentSource],
})
export class DocumentsWorkerModule {}
