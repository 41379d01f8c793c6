import { Body, Controller, Get, Headers, HttpCode, Post, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { ClientIp } from '@rectiflow/audit';
import { AuthUser, CurrentUser, Public } from '@rectiflow/auth';
import { ChangePasswordDto, LoginDto, MeDto, RefreshTokenDto, TokenPairDto } from './auth.dto';
import { AuthService } from './auth.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @UseGuards(ThrottlerGuard)
  @HttpCode(200)
  @ApiOperation({ summary: '登录 (log in): an access token and a refresh token' })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiUnauthorizedResponse({ description: '用户名或密码错误，或账号已停用 (never says which)' })
  @ApiTooManyRequestsResponse({
    description:
      'Too many failures for this username from this address, or too many requests from this address; details.retryAfterSeconds',
  })
  login(
    @Body() dto: LoginDto,
    @ClientIp() ip: string,
    @Headers('user-agent') userAgent?: string,
  ): Promise<TokenPairDto> {
    return this.auth.login(dto.username, dto.password, { ip, userAgent });
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: '刷新令牌 (rotate): the presented refresh token is spent; reusing it logs the session out',
  })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiUnauthorizedResponse({
    description: 'details.reason: invalid_refresh_token | expired_refresh_token | refresh_token_reused',
  })
  refresh(
    @Body() dto: RefreshTokenDto,
    @ClientIp() ip: string,
    @Headers('user-agent') userAgent?: string,
  ): Promise<TokenPairDto> {
    return this.auth.refresh(dto.refreshToken, { ip, userAgent });
  }

  /** Public so that a client whose access token has already expired can still end its session. */
  @Post('logout')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: '退出登录 (log out): revokes the session of this refresh token' })
  @ApiNoContentResponse()
  logout(@Body() dto: RefreshTokenDto, @ClientIp() ip: string): Promise<void> {
    return this.auth.logout(dto.refreshToken, { ip });
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: '当前用户 (who am I): account, unit and the units it may see' })
  @ApiOkResponse({ type: MeDto })
  me(@CurrentUser() user: AuthUser): Promise<MeDto> {
    return this.auth.me(user);
  }

  @Post('password')
  @ApiBearerAuth()
  @HttpCode(204)
  @ApiOperation({ summary: '修改密码 (change own password): ends every refresh session' })
  @ApiNoContentResponse()
  changePassword(
    @CurrentUser() user: AuthUser,
    @Body() dto: ChangePasswordDto,
    @ClientIp() ip: string,
  ): Promise<void> {
    return this.auth.changePassword(user, dto.currentPassword, dto.newPassword, { ip });
  }
}
