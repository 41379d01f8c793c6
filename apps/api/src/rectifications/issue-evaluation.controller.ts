import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { ClientIp } from '@rectiflow/audit';
import { AuthUser, CurrentUser, RequiresPermission } from '@rectiflow/auth';
import { IssueEvaluationService } from '@rectiflow/rectification';
import { toIssueInput } from './deadline-rule.mapper';
import { IssueEvaluationDto, IssueEvaluationResultDto } from './issue-evaluation.dto';
import { IssuePreviewDto } from './issue-preview.dto';

@ApiTags('evaluations')
@ApiBearerAuth()
@ApiExtraModels(IssueEvaluationResultDto, IssuePreviewDto)
@Controller('evaluations')
export class IssueEvaluationController {
  constructor(private readonly issuing: IssueEvaluationService) {}

  @Post(':id/issue')
  @HttpCode(200)
  @RequiresPermission('editEvaluations')
  @ApiOperation({
    summary: '下发评价结果：每个问题启动一个整改流程（dryRun=true 只预览期限、提醒和督办日程，不写入）',
  })
  @ApiQuery({ name: 'dryRun', required: false, enum: ['true', 'false'] })
  @ApiOkResponse({
    schema: {
      oneOf: [{ $ref: getSchemaPath(IssueEvaluationResultDto) }, { $ref: getSchemaPath(IssuePreviewDto) }],
    },
  })
  @ApiConflictResponse({
    description: '已下发或已结束；或有整改时限已过而未确认（PAST_DEADLINES_NOT_ACKNOWLEDGED）',
  })
  issue(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: IssueEvaluationDto,
    @CurrentUser() user: AuthUser,
    @ClientIp() ip: string,
    @Query('dryRun') dryRun?: string,
  ): Promise<IssueEvaluationResultDto | IssuePreviewDto> {
    const input = toIssueInput(dto);
    return dryRun === 'true'
      ? this.issuing.preview(id, input, user)
      : this.issuing.issue(id, input, user, ip);
  }
}
