import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ClientIp } from '@rectiflow/audit';
import { AuthUser, CurrentUser, RequiresPermission } from '@rectiflow/auth';
import { ProbeService } from '@rectiflow/system';
import { ProbeDto, ProbeStartedDto, StartProbeDto } from './probe.dto';

/** End-to-end diagnostics: proves API → Temporal → worker → MySQL → BullMQ → processor on a live deployment. */
@ApiTags('system')
@ApiBearerAuth()
@RequiresPermission('runProbe')
@Controller('system/probes')
export class ProbeController {
  constructor(private readonly probes: ProbeService) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({ summary: '启动诊断探针 (start a diagnostic round trip)' })
  start(
    @Body() dto: StartProbeDto,
    @CurrentUser() actor: AuthUser,
    @ClientIp() ip: string,
  ): Promise<ProbeStartedDto> {
    return this.probes.start(dto.message ?? '', { actor, ip });
  }

  @Get(':id')
  @ApiOperation({ summary: '查看诊断探针 (read the probe back)' })
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<ProbeDto> {
    return this.probes.get(id);
  }
}
