import { Module } from '@nestjs/common';
import { AuditModule } from '@rectiflow/audit';
import { AuditLogController } from './audit-log.controller';

/** GET /audit-log. Recording is AuditService's (libs/audit, global); this module only exposes the reading side. */
@Module({
  imports: [AuditModule],
  controllers: [AuditLogController],
})
export class AuditLogModule {}
