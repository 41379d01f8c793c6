import { Module } from '@nestjs/common';
import { PersistenceModule } from '@rectiflow/persistence';
import { LedgerExportService } from './ledger-export.service';
import { LedgerListService } from './ledger-list.service';

/** 整改台账: the filtered, scoped list and its streamed Excel export. */
@Module({
  imports: [PersistenceModule],
  providers: [LedgerListService, LedgerExportService],
  exports: [LedgerListService, LedgerExportService],
})
export class LedgerModule {}
