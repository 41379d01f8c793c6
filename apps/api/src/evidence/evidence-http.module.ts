import { Module } from '@nestjs/common';
import { EvidenceModule } from '@rectiflow/evidence';
import { EvidenceController } from './evidence.controller';
import { EvidenceUploadInterceptor } from './evidence-upload.interceptor';

/** The evidence routes under /rectifications/:id/evidence (mounted by RectificationsHttpModule). */
@Module({
  imports: [EvidenceModule],
  controllers: [EvidenceController],
  providers: [EvidenceUploadInterceptor],
})
export class EvidenceHttpModule {}
