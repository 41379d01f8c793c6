import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ClientIp } from '@rectiflow/audit';
import { AuthUser, CurrentUser, Roles } from '@rectiflow/auth';
import { IssueEvaluationService } from '@rectiflow/rectification';
import { toIssueInput } from './deadline-rule.mapper';
import { IssueEvaluationDto, IssueEvaluationResultDto } from './issue-evaluation.dto';

@ApiTags('evaluations')
@ApiBearerAuth()
@Controller('evaluations')
export class IssueEvaluationController {
  constructor(private readonly issuing: IssueEvaluationService) {}

  @Post(':id/issue')
  @HttpCode(200)
  @Roles('bureau_admin', 'bureau_reviewer')
  @ApiOperation({ summary: '下发评价结果：每个问题启动一个整改流程' })
  @ApiOkResponse({ type: IssueEvaluationResultDto })
  @ApiConflictResponse({ description: '已下发或已结束' })
  issue(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: IssueEvaluationDto,
    @CurrentUser() user: AuthUser,
    @ClientIp() ip: string,
  ): Promise<IssueEvaluationResultDto> {
    return this.issuing.issue(id, toIssueInput(dto), user, ip);
  }
}
