import { Module } from '@nestjs/common';
import { PersistenceModule } from '@rectiflow/persistence';
import { ProbeService } from './probe.service';

@Module({
  imports: [PersistenceModule],
  providers: [ProbeService],
  exports: [ProbeService],
})
export class SystemModule {}
