import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '@rectiflow/auth';
import { RectificationDetail, RectificationDetailService } from '@rectiflow/rectification';

@ApiTags('rectifications')
@ApiBearerAuth()
@Controller('rectifications')
export class RectificationDetailController {
  constructor(private readonly details: RectificationDetailService) {}

  @Get(':id')
  @ApiOperation({
    summary: '整改事项详情：来源评价、问题及对应建议、状态、时限、方案、佐证、认定、延期、督办、时间线',
  })
  @ApiNotFoundResponse({ description: '不存在或不在本单位范围内' })
  detail(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<RectificationDetail> {
    return this.details.detail(user, id);
  }
}
