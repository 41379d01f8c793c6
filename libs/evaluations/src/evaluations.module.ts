import { Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditService } from '@rectiflow/audit';
import { AppConfig } from '@rectiflow/config';
import { FileStore, StorageModule } from '@rectiflow/storage';
import { EvaluationHeaderService } from './evaluation-header.service';
import { EvaluationImportService } from './evaluation-import.service';
import { EvaluationQueryService } from './evaluation-query.service';
import { FindingDraftService } from './finding-draft.service';
import { RecommendationDraftService } from './recommendation-draft.service';
import { importerOptions } from './importer-options';
import { ManualDraftService } from './manual-draft.service';

/**
 * Evaluations: import, read, draft editing. Needs from the host the TypeORM DataSource, AppConfig and the
 * global AuthModule (AccessScopeService) and AuditModule; brings StorageModule for the FileStore.
 */
@Module({
  imports: [StorageModule],
  providers: [
    {
      // A plain class so that scripts can build it from a DataSource and a FileStore without Nest.
      provide: EvaluationImportService,
      inject: [getDataSourceToken(), FileStore, AppConfig, AuditService],
      useFactory: (dataSource: DataSource, files: FileStore, config: AppConfig, audit: AuditService) =>
        new EvaluationImportService(dataSource, files, {
          maxBytes: config.limits.importMaxBytes,
          audit,
          extract: importerOptions(config),
        }),
    },
    EvaluationQueryService,
    EvaluationHeaderService,
    FindingDraftService,
    RecommendationDraftService,
    ManualDraftService,
  ],
  exports: [
    EvaluationImportService,
    EvaluationQueryService,
    EvaluationHeaderService,
    FindingDraftService,
    RecommendationDraftService,
    ManualDraftService,
  ],
})
export class EvaluationsModule {}
