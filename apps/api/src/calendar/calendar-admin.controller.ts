import { Body, Controller, Get, Param, ParseIntPipe, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ClientIp } from '@rectiflow/audit';
import { AuthUser, CurrentUser, RequiresPermission } from '@rectiflow/auth';
import { CalendarAdminService } from './calendar-admin.service';
import { CalendarYearsDto, PutCalendarYearDto, PutCalendarYearResultDto } from './calendar-year.dto';

@ApiTags('calendar')
@ApiBearerAuth()
@Controller('admin/calendar/years')
export class CalendarAdminController {
  constructor(private readonly calendar: CalendarAdminService) {}

  @Get()
  @RequiresPermission('readCalendar')
  @ApiOperation({ summary: '已载入的放假调休年份（随系统发布的与管理员载入的）' })
  @ApiOkResponse({ type: CalendarYearsDto })
  list(): CalendarYearsDto {
    return this.calendar.list();
  }

  @Put(':year')
  @RequiresPermission('editCalendar')
  @ApiOperation({ summary: '载入某年的放假调休安排；暂定期限随之重算，定时器随之调整' })
  @ApiOkResponse({ type: PutCalendarYearResultDto })
  @ApiBadRequestResponse({ description: '日期无效、不在该年内、重复，或调休上班日不是周末' })
  put(
    @Param('year', ParseIntPipe) year: number,
    @Body() dto: PutCalendarYearDto,
    @CurrentUser() user: AuthUser,
    @ClientIp() ip: string,
  ): Promise<PutCalendarYearResultDto> {
    return this.calendar.put(year, dto, user, ip);
  }
}
