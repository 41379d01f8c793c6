import { Global, Module } from '@nestjs/common';
import { PersistenceModule } from '@rectiflow/persistence';
import { AuditService } from './audit.service';

/** Global, so that any feature module can inject AuditService to record its changes. */
@Global()
@Module({
  imports: [PersistenceModule],
  providers: [AuditService],
  exports: [AuditService],
})
export class AuditModule {}
