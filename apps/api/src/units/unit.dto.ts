import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';
import { UNIT_KINDS, type UnitKind } from '@rectiflow/auth';
import type { UnitNode, UnitResponse } from '@rectiflow/contracts';

const CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const CODE_MESSAGE = '单位编码为 1–64 位字母、数字、- 或 _，以字母或数字开头';
const URL_OPTIONS = { protocols: ['http', 'https'], require_protocol: true, require_tld: false };

export class CreateUnitDto {
  @ApiProperty({ example: 'gxj', description: '单位编码 (unique, stable identifier)' })
  @IsString()
  @Matches(CODE, { message: CODE_MESSAGE })
  code!: string;

  @ApiProperty({ example: '景德镇市工业和信息化局' })
  @IsString()
  @IsNotEmpty({ message: '单位名称不能为空' })
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: UNIT_KINDS })
  @IsIn(UNIT_KINDS, { message: `单位类型须为 ${UNIT_KINDS.join(' / ')}` })
  kind!: UnitKind;

  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    description: '上级单位 id (required for a project unit)',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  parentId?: number | null;

  @ApiPropertyOptional({ type: [String], example: ['office@gxj.example.cn'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsEmail({}, { each: true, message: '联系邮箱格式不正确' })
  contactEmails?: string[];

  @ApiPropertyOptional({ nullable: true, type: String, description: '通知回调地址 (http/https)' })
  @IsOptional()
  @IsUrl(URL_OPTIONS, { message: '回调地址须为 http(s) URL' })
  @MaxLength(500)
  webhookUrl?: string | null;
}

export class UpdateUnitDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Matches(CODE, { message: CODE_MESSAGE })
  code?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty({ message: '单位名称不能为空' })
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ enum: UNIT_KINDS })
  @IsOptional()
  @IsIn(UNIT_KINDS, { message: `单位类型须为 ${UNIT_KINDS.join(' / ')}` })
  kind?: UnitKind;

  // @IsOptional lets null through: null moves the unit to the top level.
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'null moves the unit to the top level' })
  @IsOptional()
  @IsInt()
  @Min(1)
  parentId?: number | null;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsEmail({}, { each: true, message: '联系邮箱格式不正确' })
  contactEmails?: string[];

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsUrl(URL_OPTIONS, { message: '回调地址须为 http(s) URL' })
  @MaxLength(500)
  webhookUrl?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UnitDto implements UnitResponse {
  @ApiProperty() id!: number;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: UNIT_KINDS }) kind!: UnitKind;
  @ApiProperty({ nullable: true, type: Number }) parentId!: number | null;
  @ApiProperty({ type: [String] }) contactEmails!: string[];
  @ApiProperty({ nullable: true, type: String }) webhookUrl!: string | null;
  @ApiProperty() active!: boolean;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: string;
}

export class UnitTreeNodeDto extends UnitDto implements UnitNode {
  @ApiProperty({ type: () => [UnitTreeNodeDto] }) children!: UnitTreeNodeDto[];
}
