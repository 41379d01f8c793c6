import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ClientIp } from '@rectiflow/audit';
import { AuthUser, CurrentUser } from '@rectiflow/auth';
import { NotificationPreferenceService } from '@rectiflow/notifications';
import { PreferenceViewDto, UpdatePreferencesDto } from './notification-preference.dto';

/** The caller's channel choices per event type (in-app, email). */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications/preferences')
export class NotificationPreferencesController {
  constructor(private readonly preferences: NotificationPreferenceService) {}

  @Get()
  @ApiOperation({ summary: '我的通知偏好（每类事件一项；未设置的默认全部渠道）' })
  @ApiOkResponse({ type: [PreferenceViewDto] })
  list(@CurrentUser() user: AuthUser): Promise<PreferenceViewDto[]> {
    return this.preferences.list(user.id);
  }

  @Put()
  @ApiOperation({ summary: '修改通知偏好（只改所列事件；全部成功或全部不改）' })
  @ApiOkResponse({ type: [PreferenceViewDto] })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED，例如领导试图关闭督办类通知' })
  update(
    @Body() dto: UpdatePreferencesDto,
    @CurrentUser() user: AuthUser,
    @ClientIp() ip: string,
  ): Promise<PreferenceViewDto[]> {
    return this.preferences.update(user.id, dto.preferences, { actor: user, ip });
  }
}
