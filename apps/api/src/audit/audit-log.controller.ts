import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditService } from '@rectiflow/audit';
import { RequiresPermission } from '@rectiflow/auth';
import { toAuditLogEntry } from './audit-log-entry.mapper';
import { AuditLogPageDto, AuditLogQueryDto } from './audit-log.dto';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit-log')
export class AuditLogController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @RequiresPermission('readAuditLog')
  @ApiOperation({ summary: '审计日志 (audit trail, newest first; filter by actor, action, entity, time)' })
  @ApiOkResponse({ type: AuditLogPageDto })
  async list(@Query() q: AuditLogQueryDto): Promise<AuditLogPageDto> {
    const { items, total } = await this.audit.search({
      actorId: q.actorId,
      action: q.action,
      entityType: q.entityType,
      entityId: q.entityId,
      from: q.from === undefined ? undefined : new Date(q.from),
      to: q.to === undefined ? undefined : new Date(q.to),
      page: q.page,
      pageSize: q.pageSize,
    });
    return { items: items.map(toAuditLogEntry), total, page: q.page, pageSize: q.pageSize };
  }
}
