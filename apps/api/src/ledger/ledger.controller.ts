import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ClientIp } from '@rectiflow/audit';
import { AuthUser, CurrentUser } from '@rectiflow/auth';
import { attachmentDisposition } from '@rectiflow/common';
import { LedgerExportService, LedgerListService, XLSX_MIME } from '@rectiflow/ledger';
import { LedgerPageDto } from './ledger-item.dto';
import { LedgerFilterDto, LedgerListQueryDto, toLedgerFilter } from './ledger-query.dto';
import { RequestAbortSignal } from './request-abort-signal.decorator';

/**
 * 整改台账. Registered before RectificationDetailController (see RectificationsHttpModule): Express matches
 * routes in registration order, and `GET rectifications/:id` would otherwise take `export.xlsx` as an id.
 */
@ApiTags('rectifications')
@ApiBearerAuth()
@Controller('rectifications')
export class LedgerController {
  constructor(
    private readonly ledger: LedgerListService,
    private readonly exports: LedgerExportService,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      '整改台账（分页）：按评价、单位（含下级）、状态、类型、逾期、督办级别、时限区间、关键词筛选并排序',
  })
  @ApiOkResponse({ type: LedgerPageDto })
  list(
    @Query() query: LedgerListQueryDto,
    @CurrentUser() user: AuthUser,
    @RequestAbortSignal() signal: AbortSignal,
  ): Promise<LedgerPageDto> {
    return this.ledger.list(user, toLedgerFilter(query), query.page, query.pageSize, signal);
  }

  @Get('export.xlsx')
  @ApiOperation({ summary: '导出整改台账 Excel（筛选条件同列表，不分页；流式生成）' })
  @ApiProduces(XLSX_MIME)
  @ApiOkResponse({ description: '整改台账-YYYY-MM-DD.xlsx' })
  async export(
    @Query() query: LedgerFilterDto,
    @CurrentUser() user: AuthUser,
    @ClientIp() ip: string,
    @Res() res: Response,
  ): Promise<void> {
    const ledger = await this.exports.open(user, toLedgerFilter(query), { ip });
    res.setHeader('Content-Type', XLSX_MIME);
    res.setHeader('Content-Disposition', attachmentDisposition(ledger.fileName));
    res.setHeader('Cache-Control', 'private, no-store');
    await ledger.writeTo(res);
  }
}
