import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ClientIp } from '@rectiflow/audit';
import { AuthUser, CurrentUser, RequiresPermission } from '@rectiflow/auth';
import { RecheckDecisionService, RecheckQueryService, RecheckView } from '@rectiflow/documents';
import { RecheckDecisionDto, RecheckListQueryDto } from './recheck-decision.dto';

/** 回头看: re-checks of closed items, due a configured period after 销号; the bureau decides 巩固 or 反弹. */
@ApiTags('documents')
@ApiBearerAuth()
@ApiNotFoundResponse({ description: '回头看不存在，或不在本单位范围内' })
@Controller('rechecks')
export class RechecksController {
  constructor(
    private readonly rechecks: RecheckQueryService,
    private readonly decisions: RecheckDecisionService,
  ) {}

  @Get()
  @ApiOperation({ summary: '回头看列表（财政局看全部，部门看本单位）' })
  list(@Query() query: RecheckListQueryDto, @CurrentUser() user: AuthUser): Promise<RecheckView[]> {
    return this.rechecks.list(user, query.status);
  }

  @Get(':id')
  @ApiOperation({ summary: '回头看详情' })
  get(@Param('id', ParseIntPipe) id: number, @CurrentUser() user: AuthUser): Promise<RecheckView> {
    return this.rechecks.view(user, id);
  }

  @Post(':id/decision')
  @HttpCode(200)
  @RequiresPermission('decideRecheck')
  @ApiOperation({ summary: '回头看结论：巩固（事项保持销号）或反弹（按同一问题重新下发整改，另定时限）' })
  decide(
    @Param('id', ParseIntPipe) id: number,
    @Body() body: RecheckDecisionDto,
    @CurrentUser() user: AuthUser,
    @ClientIp() ip: string,
  ): Promise<RecheckView> {
    return this.decisions.decide(user, id, body, ip);
  }
}
