import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '@rectiflow/auth';
import {
  AgeingBucket,
  DashboardService,
  DashboardSummary,
  GradeRow,
  RungRow,
  UnitCompletionRow,
  WeeklyClosures,
} from '@rectiflow/dashboard';
import { ClosuresWeeklyQueryDto } from './dashboard-query.dto';

/** 工作台: aggregate figures over the caller's units (every role; a department sees its own units only). */
@ApiTags('dashboard')
@ApiBearerAuth()
@Controller('dashboard')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get('summary')
  @ApiOperation({ summary: '在办、逾期、待审核（方案待审+待认定）、7 日内到期、本月销号' })
  @ApiOkResponse({ description: 'DashboardSummary' })
  summary(@CurrentUser() user: AuthUser): Promise<DashboardSummary> {
    return this.dashboard.summary(user);
  }

  @Get('by-unit')
  @ApiOperation({ summary: '各责任单位整改完成率（已销号 ÷ 非撤销事项）' })
  @ApiOkResponse({ description: 'UnitCompletionRow[]' })
  byUnit(@CurrentUser() user: AuthUser): Promise<UnitCompletionRow[]> {
    return this.dashboard.byUnit(user);
  }

  @Get('ageing')
  @ApiOperation({ summary: '逾期账龄分布（按逾期天数分段，附对应的时限区间）' })
  @ApiOkResponse({ description: 'AgeingBucket[]' })
  ageing(@CurrentUser() user: AuthUser): Promise<AgeingBucket[]> {
    return this.dashboard.ageing(user);
  }

  @Get('rungs')
  @ApiOperation({ summary: '当前督办级别分布（提醒函、督办、约谈、通报）' })
  @ApiOkResponse({ description: 'RungRow[]' })
  rungs(@CurrentUser() user: AuthUser): Promise<RungRow[]> {
    return this.dashboard.rungs(user);
  }

  @Get('grades')
  @ApiOperation({ summary: '已下发评价按评价等级分布' })
  @ApiOkResponse({ description: 'GradeRow[]' })
  grades(@CurrentUser() user: AuthUser): Promise<GradeRow[]> {
    return this.dashboard.grades(user);
  }

  @Get('closures-weekly')
  @ApiOperation({ summary: '每周销号数（周一至周日，按本局时区）' })
  @ApiOkResponse({ description: 'WeeklyClosures[]' })
  closuresWeekly(
    @Query() q: ClosuresWeeklyQueryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<WeeklyClosures[]> {
    return this.dashboard.closuresWeekly(user, q.weeks);
  }
}
