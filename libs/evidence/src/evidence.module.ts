import { Module } from '@nestjs/common';
import { PersistenceModule } from '@rectiflow/persistence';
import { RectificationApiModule } from '@rectiflow/rectification';
import { StorageModule } from '@rectiflow/storage';
import { EvidenceQueryService } from './evidence-query.service';
import { EvidenceUploadService } from './evidence-upload.service';

/** 佐证材料: upload (content-checked, content-addressed, recorded by the workflow), list and download. */
@Module({
  imports: [PersistenceModule, StorageModule, RectificationApiModule],
  providers: [EvidenceUploadService, EvidenceQueryService],
  exports: [EvidenceUploadService, EvidenceQueryService],
})
export class EvidenceModule {}
