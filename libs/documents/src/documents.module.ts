import { Module } from '@nestjs/common';
import { PersistenceModule } from '@rectiflow/persistence';
import { StorageModule } from '@rectiflow/storage';
import { DocumentsWorkerModule } from './documents-worker.module';
import { LetterQueryService } from './letter-query.service';
import { LetterReplyService } from './letter-reply.service';

/** The API side of the supervision documents: letters (list, download, replies), reports. */
@Module({
  imports: [PersistenceModule, StorageModule, DocumentsWorkerModule],
  providers: [LetterQueryService, LetterReplyService],
  exports: [LetterQueryService, LetterReplyService],
})
export class DocumentsModule {}
