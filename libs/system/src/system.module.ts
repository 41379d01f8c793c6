import { Module } from '@nestjs/common';
import { AuditModule } from '@rectiflow/audit';
import { PersistenceModule } from '@rectiflow/persistence';
import { ProbeService } from './probe.service';

@Module({
  imports: [PersistenceModule, AuditModule],
  providers: [ProbeService],
  exports: [ProbeService],
})
export class SystemModule {}
