import { Module } from '@nestjs/common';
import { PersistenceModule } from '@rectiflow/persistence';
import { StorageModule } from '@rectiflow/storage';
import { DocumentsWorkerModule } from './documents-worker.module';
import { LetterQueryService } from './letter-query.service';
import { LetterReplyService } from './letter-reply.service';
import { RectificationReportService } from './rectification-report.service';
import { RecheckDecisionService } from './recheck-decision.service';
import { RecheckQueryService } from './recheck-query.service';
import { ResultsApplicationService } from './results-application.service';
import { CalendarModule } from '@rectiflow/calendar';

/** The API side of the supervision documents: letters (list, download, replies), reports, 回头看, 结果应用. */
@Module({
  imports: [PersistenceModule, StorageModule, DocumentsWorkerModule, CalendarModule],
  providers: [
    LetterQueryService,
    LetterReplyService,
    RectificationReportService,
    RecheckQueryService,
    RecheckDecisionService,
    ResultsApplicationService,
  ],
  exports: [
    LetterQueryService,
    LetterReplyService,
    RectificationReportService,
    RecheckQueryService,
    RecheckDecisionService,
    ResultsApplicationService,
  ],
})
export class DocumentsModule {}
