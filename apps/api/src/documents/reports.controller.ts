import {
  Controller,
  Get,
  Param,
  ParseIntPipe,
  ParseUUIDPipe,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthUser, CurrentUser } from '@rectiflow/auth';
import { attachmentDisposition } from '@rectiflow/common';
import { DOCX_MIME, RectificationReportService, RenderedReport } from '@rectiflow/documents';
import { ReportYearQueryDto } from './report-year.dto';

/** 整改情况报告 drafts (.docx): per evaluation, and per unit (with its project units) and year. */
@ApiTags('documents')
@ApiBearerAuth()
@ApiNotFoundResponse({ description: '评价或单位不存在，或不在本单位范围内' })
@Controller()
export class ReportsController {
  constructor(private readonly reports: RectificationReportService) {}

  @Get('evaluations/:id/rectification-report.docx')
  @ApiOperation({ summary: '评价的整改情况报告（草稿，.docx；部门用户只含本单位事项）' })
  @ApiProduces(DOCX_MIME)
  async forEvaluation(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return serve(res, await this.reports.forEvaluation(user, id));
  }

  @Get('units/:unitId/rectification-report.docx')
  @ApiOperation({ summary: '单位（含所属单位）年度整改情况报告（草稿，.docx）' })
  @ApiProduces(DOCX_MIME)
  async forUnit(
    @Param('unitId', ParseIntPipe) unitId: number,
    @Query() q: ReportYearQueryDto,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return serve(res, await this.reports.forUnit(user, unitId, q.year));
  }
}

function serve(res: Response, report: RenderedReport): StreamableFile {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Cache-Control', 'private, no-store');
  return new StreamableFile(report.content, {
    type: DOCX_MIME,
    length: report.content.length,
    disposition: attachmentDisposition(report.fileName),
  });
}
