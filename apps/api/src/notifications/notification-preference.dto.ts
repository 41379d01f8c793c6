import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, ValidateNested } from 'class-validator';
import {
  NOTIFICATION_KINDS,
  PERSONAL_CHANNELS,
  type NotificationKind,
  type PersonalChannel,
} from '@rectiflow/notifications';

export class PreferenceItemDto {
  @ApiProperty({ enum: NOTIFICATION_KINDS })
  @IsIn(NOTIFICATION_KINDS, { message: `event 须为 ${NOTIFICATION_KINDS.join(' / ')}` })
  event!: NotificationKind;

  @ApiProperty({
    enum: PERSONAL_CHANNELS,
    isArray: true,
    description: '空数组 = 关闭该类通知（领导的督办类通知不可关闭）',
  })
  @IsArray()
  @ArrayUnique()
  @IsIn(PERSONAL_CHANNELS, { each: true, message: `channels 的取值须为 ${PERSONAL_CHANNELS.join(' / ')}` })
  channels!: PersonalChannel[];
}

export class UpdatePreferencesDto {
  @ApiProperty({ type: [PreferenceItemDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(NOTIFICATION_KINDS.length)
  @ValidateNested({ each: true })
  @Type(() => PreferenceItemDto)
  preferences!: PreferenceItemDto[];
}

export class PreferenceViewDto {
  @ApiProperty({ enum: NOTIFICATION_KINDS }) event!: NotificationKind;
  @ApiProperty({ example: '截止提醒' }) label!: string;
  @ApiProperty({ enum: PERSONAL_CHANNELS, isArray: true }) channels!: PersonalChannel[];
  @ApiProperty({ description: '不可关闭（对领导的督办类通知）' }) locked!: boolean;
}
