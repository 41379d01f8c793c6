import { Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '@rectiflow/auth';
import { InAppNotificationService } from '@rectiflow/notifications';
import {
  NotificationDto,
  NotificationPageDto,
  NotificationQueryDto,
  ReadAllResultDto,
  UnreadCountDto,
} from './notification.dto';

/** The caller's own in-app messages (every role). */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly inbox: InAppNotificationService) {}

  @Get()
  @ApiOperation({ summary: '我的站内消息（未读在前，分页）' })
  @ApiOkResponse({ type: NotificationPageDto })
  async list(@Query() q: NotificationQueryDto, @CurrentUser() user: AuthUser): Promise<NotificationPageDto> {
    const page = await this.inbox.list(user.id, q);
    return { ...page, page: q.page, pageSize: q.pageSize };
  }

  @Get('unread-count')
  @ApiOperation({ summary: '未读条数' })
  @ApiOkResponse({ type: UnreadCountDto })
  async unreadCount(@CurrentUser() user: AuthUser): Promise<UnreadCountDto> {
    return { count: await this.inbox.unreadCount(user.id) };
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: '全部标为已读' })
  @ApiOkResponse({ type: ReadAllResultDto })
  async readAll(@CurrentUser() user: AuthUser): Promise<ReadAllResultDto> {
    return { updated: await this.inbox.markAllRead(user.id) };
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: '标为已读（仅限本人的消息，否则 404）' })
  @ApiOkResponse({ type: NotificationDto })
  read(@Param('id', ParseIntPipe) id: number, @CurrentUser() user: AuthUser): Promise<NotificationDto> {
    return this.inbox.markRead(user.id, id);
  }
}
