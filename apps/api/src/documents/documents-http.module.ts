import { Module } from '@nestjs/common';
import { DocumentsModule } from '@rectiflow/documents';
import { LetterReplyInterceptor } from './letter-reply.interceptor';
import { LettersController } from './letters.controller';
import { RechecksController } from './rechecks.controller';
import { ReportsController } from './reports.controller';
import { ResultsApplicationController } from './results-application.controller';

/** Routes of the supervision documents: letters and replies, reports, 回头看, 结果应用. */
@Module({
  imports: [DocumentsModule],
  controllers: [LettersController, ReportsController, RechecksController, ResultsApplicationController],
  providers: [LetterReplyInterceptor],
})
export class DocumentsHttpModule {}
