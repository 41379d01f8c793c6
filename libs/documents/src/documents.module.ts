import { Module } from '@nestjs/common';
import { PersistenceModule } from '@rectiflow/persistence';
import { StorageModule } from '@rectiflow/storage';
import { DocumentsWorkerModule } from './documents-worker.module';
import { LetterQueryService } from './letter-query.service';
import { LetterReplyService } from './letter-reply.service';
import { RectificationReportService } from './rectification-report.service';

/** The API side of the supervision documents: letters (list, download, replies), reports. */
@Module({
  imports: [PersistenceModule, StorageModule, DocumentsWorkerModule],
  providers: [LetterQueryService, LetterReplyService, RectificationReportService],
  exports: [LetterQueryService, LetterReplyService, RectificationReportService],
})
export class DocumentsModule {}
