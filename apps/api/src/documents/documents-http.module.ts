import { Module } from '@nestjs/common';
import { DocumentsModule } from '@rectiflow/documents';
import { LetterReplyInterceptor } from './letter-reply.interceptor';
import { LettersController } from './letters.controller';
import { ReportsController } from './reports.controller';

/** Routes of the supervision documents: letters and replies (reports, 结果应用, 回头看 when built). */
@Module({
  imports: [DocumentsModule],
  controllers: [LettersController, ReportsController],
  providers: [LetterReplyInterceptor],
})
export class DocumentsHttpModule {}
