import {
  Body,
  Controller,
  Delete,
  HttpCode,
  Param,
  ParseIntPipe,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ClientIp } from '@rectiflow/audit';
import { type AuthUser, CurrentUser, RequiresPermission } from '@rectiflow/auth';
import { FindingDraftService } from '@rectiflow/evaluations';
import { EvaluationDetailDto } from './evaluation-detail.dto';
import {
  CreateFindingDto,
  ExpectedVersionQueryDto,
  MergeFindingsDto,
  SplitFindingDto,
  toSplitRequest,
  UpdateFindingDto,
} from './finding-edit.dto';

/**
 * Editing a draft's findings (问题). Every call answers the whole evaluation as it now stands (seqs renumbered,
 * new version); 409 TRANSITION_NOT_ALLOWED once it is no longer a draft, 409 CONFLICT on a stale expectedVersion.
 */
@ApiTags('evaluations')
@ApiBearerAuth()
@ApiConflictResponse({
  description: 'TRANSITION_NOT_ALLOWED (not a draft) or CONFLICT (stale expectedVersion)',
})
@RequiresPermission('editEvaluations')
@Controller('evaluations/:id/findings')
export class EvaluationFindingsController {
  constructor(private readonly findings: FindingDraftService) {}

  @Post()
  @ApiOperation({ summary: '新增问题 (add a finding, appended or at `position`)' })
  @ApiCreatedResponse({ type: EvaluationDetailDto })
  add(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: CreateFindingDto,
    @CurrentUser() actor: AuthUser,
    @ClientIp() ip: string,
  ): Promise<EvaluationDetailDto> {
    const { expectedVersion, ...input } = dto;
    return this.findings.add(id, input, { actor, ip, expectedVersion });
  }

  @Post('merge')
  @HttpCode(200)
  @ApiOperation({ summary: '合并问题 (merge findings; the result takes the first seq)' })
  @ApiOkResponse({ type: EvaluationDetailDto })
  merge(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: MergeFindingsDto,
    @CurrentUser() actor: AuthUser,
    @ClientIp() ip: string,
  ): Promise<EvaluationDetailDto> {
    const { expectedVersion, ...request } = dto;
    return this.findings.merge(id, request, { actor, ip, expectedVersion });
  }

  @Patch(':seq')
  @ApiOperation({ summary: '修改问题 (title, text, points, pairing)' })
  @ApiOkResponse({ type: EvaluationDetailDto })
  update(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('seq', ParseIntPipe) seq: number,
    @Body() dto: UpdateFindingDto,
    @CurrentUser() actor: AuthUser,
    @ClientIp() ip: string,
  ): Promise<EvaluationDetailDto> {
    const { expectedVersion, ...patch } = dto;
    return this.findings.update(id, seq, patch, { actor, ip, expectedVersion });
  }

  @Post(':seq/split')
  @HttpCode(200)
  @ApiOperation({
    summary: '拆分问题 (split by part texts or at a character offset; later findings renumber)',
  })
  @ApiOkResponse({ type: EvaluationDetailDto })
  split(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('seq', ParseIntPipe) seq: number,
    @Body() dto: SplitFindingDto,
    @CurrentUser() actor: AuthUser,
    @ClientIp() ip: string,
  ): Promise<EvaluationDetailDto> {
    return this.findings.split(id, seq, toSplitRequest(dto), {
      actor,
      ip,
      expectedVersion: dto.expectedVersion,
    });
  }

  @Delete(':seq')
  @ApiOperation({ summary: '删除问题 (later findings renumber)' })
  @ApiOkResponse({ type: EvaluationDetailDto })
  remove(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('seq', ParseIntPipe) seq: number,
    @Query() query: ExpectedVersionQueryDto,
    @CurrentUser() actor: AuthUser,
    @ClientIp() ip: string,
  ): Promise<EvaluationDetailDto> {
    return this.findings.remove(id, seq, { actor, ip, expectedVersion: query.expectedVersion });
  }
}
