import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsNewPassword, PASSWORD_MAX_LENGTH, ROLES, UNIT_KINDS } from '@rectiflow/auth';
import type { Role, UnitKind } from '@rectiflow/auth';
import type { MeResponse, MeUnit, TokenPairResponse, TokenUser } from '@rectiflow/contracts';

export class LoginDto {
  @ApiProperty({ example: 'admin' })
  @IsString()
  @IsNotEmpty({ message: '请输入用户名' })
  @MaxLength(64)
  username!: string;

  @ApiProperty({ format: 'password' })
  @IsString()
  @IsNotEmpty({ message: '请输入密码' })
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;
}

export class RefreshTokenDto {
  @ApiProperty({ description: '登录或上次刷新时得到的刷新令牌 (refresh token); each one works once' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  refreshToken!: string;
}

export class ChangePasswordDto {
  @ApiProperty({ format: 'password' })
  @IsString()
  @IsNotEmpty({ message: '请输入当前密码' })
  @MaxLength(PASSWORD_MAX_LENGTH)
  currentPassword!: string;

  @ApiProperty({ format: 'password', description: '8–128 位，须同时包含字母和数字' })
  @IsNewPassword()
  newPassword!: string;
}

export class AuthUserDto implements TokenUser {
  @ApiProperty() id!: number;
  @ApiProperty() username!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty() unitId!: number;
}

export class TokenPairDto implements TokenPairResponse {
  @ApiProperty({ description: '访问令牌 (JWT), sent as Authorization: Bearer …' }) accessToken!: string;
  @ApiProperty({ description: '刷新令牌 (opaque); POST /auth/refresh exchanges it for a new pair' })
  refreshToken!: string;
  @ApiProperty({ description: 'Lifetime of the access token in seconds' }) expiresIn!: number;
  @ApiProperty({ enum: ['Bearer'] }) tokenType!: 'Bearer';
  @ApiProperty({ type: AuthUserDto }) user!: AuthUserDto;
}

export class MeUnitDto implements MeUnit {
  @ApiProperty() id!: number;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: UNIT_KINDS }) kind!: UnitKind;
  @ApiProperty({ nullable: true, type: Number }) parentId!: number | null;
}

export class MeDto extends AuthUserDto implements MeResponse {
  @ApiPropertyOptional({ nullable: true, type: String }) email!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) phone!: string | null;
  @ApiProperty({ description: '单位负责人 (first responsible person)' }) isUnitHead!: boolean;
  @ApiProperty({ type: MeUnitDto }) unit!: MeUnitDto;
  @ApiPropertyOptional({
    type: [Number],
    description: 'Units this account may see; absent for read-all roles',
  })
  visibleUnitIds?: number[];
  @ApiProperty({ description: 'True for roles that see every unit' }) seesAllUnits!: boolean;
}
