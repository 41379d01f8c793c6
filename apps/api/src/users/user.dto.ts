import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';
import { IsNewPassword, ROLES, type Role } from '@rectiflow/auth';
import type { UserPage, UserResponse } from '@rectiflow/contracts';
import { PageQueryDto } from '../audit/page-query.dto';

const USERNAME = /^[\p{L}\p{N}][\p{L}\p{N}_.@-]{1,63}$/u;
const USERNAME_MESSAGE = '用户名为 2–64 位字母、数字或 _ . @ -，以字母或数字开头';
const PHONE = /^[0-9+\-() ]{5,32}$/;
const ROLE_MESSAGE = `角色须为 ${ROLES.join(' / ')}`;
const toBool = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

export class CreateUserDto {
  @ApiProperty({ example: 'zhangsan' })
  @IsString()
  @Matches(USERNAME, { message: USERNAME_MESSAGE })
  username!: string;

  @ApiProperty({ format: 'password', description: '初始密码：8–128 位，须同时包含字母和数字' })
  @IsNewPassword()
  password!: string;

  @ApiProperty({ example: '张三' })
  @IsString()
  @IsNotEmpty({ message: '姓名不能为空' })
  @MaxLength(100)
  displayName!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: ROLE_MESSAGE })
  role!: Role;

  @ApiProperty()
  @IsInt()
  @Min(1)
  unitId!: number;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsEmail({}, { message: '邮箱格式不正确' })
  @MaxLength(254)
  email?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @Matches(PHONE, { message: '电话号码格式不正确' })
  phone?: string | null;

  @ApiPropertyOptional({
    default: false,
    description: '单位负责人 (first responsible person; receives 督办)',
  })
  @IsOptional()
  @IsBoolean()
  isUnitHead?: boolean;
}

/** Every field optional; null clears email/phone. Passwords change through reset-password only. */
export class UpdateUserDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty({ message: '姓名不能为空' })
  @MaxLength(100)
  displayName?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES, { message: ROLE_MESSAGE })
  role?: Role;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  unitId?: number;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsEmail({}, { message: '邮箱格式不正确' })
  @MaxLength(254)
  email?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @Matches(PHONE, { message: '电话号码格式不正确' })
  phone?: string | null;

  @ApiPropertyOptional({ description: 'false disables the account and ends its sessions at once' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  isUnitHead?: boolean;
}

export class ResetPasswordDto {
  @ApiProperty({ format: 'password', description: '新密码：8–128 位，须同时包含字母和数字' })
  @IsNewPassword()
  password!: string;
}

export class UserQueryDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  unitId?: number;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES, { message: ROLE_MESSAGE })
  role?: Role;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ description: '按用户名或姓名搜索 (substring)' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  q?: string;
}

export class UserDto implements UserResponse {
  @ApiProperty() id!: number;
  @ApiProperty() username!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty() unitId!: number;
  @ApiProperty() unitName!: string;
  @ApiProperty({ nullable: true, type: String }) email!: string | null;
  @ApiProperty({ nullable: true, type: String }) phone!: string | null;
  @ApiProperty() active!: boolean;
  @ApiProperty() isUnitHead!: boolean;
  @ApiProperty({ description: 'Consecutive failed logins' }) failedLogins!: number;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) lockedUntil!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) lastLoginAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: string;
}

export class UserPageDto implements UserPage {
  @ApiProperty({ type: [UserDto] }) items!: UserDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
