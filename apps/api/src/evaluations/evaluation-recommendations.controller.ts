import {
  Body,
  Controller,
  Delete,
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
import { RecommendationDraftService } from '@rectiflow/evaluations';
import { EvaluationDetailDto } from './evaluation-detail.dto';
import { ExpectedVersionQueryDto } from './finding-edit.dto';
import { CreateRecommendationDto, UpdateRecommendationDto } from './recommendation-edit.dto';

/** Editing a draft's recommendations (建议); findings' pairings follow any renumbering. */
@ApiTags('evaluations')
@ApiBearerAuth()
@ApiConflictResponse({
  description: 'TRANSITION_NOT_ALLOWED (not a draft) or CONFLICT (stale expectedVersion)',
})
@RequiresPermission('editEvaluations')
@Controller('evaluations/:id/recommendations')
export class EvaluationRecommendationsController {
  constructor(private readonly recommendations: RecommendationDraftService) {}

  @Post()
  @ApiOperation({ summary: '新增建议 (add a recommendation, appended or at `position`)' })
  @ApiCreatedResponse({ type: EvaluationDetailDto })
  add(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: CreateRecommendationDto,
    @CurrentUser() actor: AuthUser,
    @ClientIp() ip: string,
  ): Promise<EvaluationDetailDto> {
    const { expectedVersion, ...input } = dto;
    return this.recommendations.add(id, input, { actor, ip, expectedVersion });
  }

  @Patch(':seq')
  @ApiOperation({ summary: '修改建议 (title, text)' })
  @ApiOkResponse({ type: EvaluationDetailDto })
  update(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('seq', ParseIntPipe) seq: number,
    @Body() dto: UpdateRecommendationDto,
    @CurrentUser() actor: AuthUser,
    @ClientIp() ip: string,
  ): Promise<EvaluationDetailDto> {
    const { expectedVersion, ...patch } = dto;
    return this.recommendations.update(id, seq, patch, { actor, ip, expectedVersion });
  }

  @Delete(':seq')
  @ApiOperation({ summary: '删除建议 (findings paired to it are unpaired; later ones renumber)' })
  @ApiOkResponse({ type: EvaluationDetailDto })
  remove(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('seq', ParseIntPipe) seq: number,
    @Query() query: ExpectedVersionQueryDto,
    @CurrentUser() actor: AuthUser,
    @ClientIp() ip: string,
  ): Promise<EvaluationDetailDto> {
    return this.recommendations.remove(id, seq, { actor, ip, expectedVersion: query.expectedVersion });
  }
}
