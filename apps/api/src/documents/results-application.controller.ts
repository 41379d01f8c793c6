import { Body, Controller, Get, Put, Query, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { ClientIp } from '@rectiflow/audit';
import { AuthUser, CurrentUser, RequiresPermission } from '@rectiflow/auth';
import { attachmentDisposition } from '@rectiflow/common';
import {
  renderResultsWorkbook,
  ResultsApplicationRule,
  ResultsApplicationService,
} from '@rectiflow/documents';
import { XLSX_MIME } from '@rectiflow/ledger';
import { ReportYearQueryDto } from './report-year.dto';
import { ResultsApplicationDto, ResultsRuleDto } from './results-application.dto';

/** 结果应用: per department and year, the figures and the suggested budget treatment; the rule behind it. */
@ApiTags('documents')
@ApiBearerAuth()
@Controller('results-application')
export class ResultsApplicationController {
  constructor(private readonly results: ResultsApplicationService) {}

  @Get()
  @ApiOperation({ summary: '结果应用：各部门年度评价、整改结果与预算安排建议（部门用户只见本部门）' })
  @ApiOkResponse({ type: ResultsApplicationDto })
  forYear(@Query() q: ReportYearQueryDto, @CurrentUser() user: AuthUser): Promise<ResultsApplicationDto> {
    return this.results.forYear(user, q.year);
  }

  @Get('export.xlsx')
  @ApiOperation({ summary: '结果应用导出（Excel）' })
  @ApiProduces(XLSX_MIME)
  async export(
    @Query() q: ReportYearQueryDto,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const content = await renderResultsWorkbook(await this.results.forYear(user, q.year));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(content, {
      type: XLSX_MIME,
      length: content.length,
      disposition: attachmentDisposition(`${q.year}年度结果应用.xlsx`),
    });
  }

  @Get('rule')
  @RequiresPermission('readAcrossUnits')
  @ApiOperation({ summary: '结果应用规则（未设置时为默认规则）' })
  @ApiOkResponse({ type: ResultsRuleDto })
  rule(): Promise<ResultsApplicationRule> {
    return this.results.rule();
  }

  @Put('rule')
  @RequiresPermission('editResultsRule')
  @ApiOperation({ summary: '修改结果应用规则（整体替换，记入审计日志）' })
  @ApiOkResponse({ type: ResultsRuleDto })
  @ApiBadRequestResponse({ description: '规则不完整或无效（原因以中文说明）' })
  putRule(
    @Body() body: ResultsRuleDto,
    @CurrentUser() user: AuthUser,
    @ClientIp() ip: string,
  ): Promise<ResultsApplicationRule> {
    return this.results.putRule(body, user, ip);
  }
}
