import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { AuditModule } from '@rectiflow/audit';
import { AuthModule, JwtAuthGuard, RolesGuard } from '@rectiflow/auth';
import { AppConfig } from '@rectiflow/config';
import { PersistenceModule } from '@rectiflow/persistence';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginLimiterService } from './login-limiter.service';
import { RefreshTokenService } from './refresh-token.service';

/**
 * Authentication over HTTP, and the two global guards: JwtAuthGuard (every route needs a token unless @Public)
 * then RolesGuard (@RequiresPermission). APP_GUARDs run in the order listed here.
 */
@Module({
  imports: [
    AuthModule,
    AuditModule,
    PersistenceModule,
    // Per client IP, whatever the username: only applied where @UseGuards(ThrottlerGuard) says (the login route).
    // In-process storage: with several API instances each enforces its own share; the per-username lockout
    // (Redis) is the shared layer.
    ThrottlerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        throttlers: [{ ttl: 60_000, limit: config.auth.loginRateLimitPerMinute }],
        errorMessage: '登录请求过于频繁，请稍后再试',
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    LoginLimiterService,
    RefreshTokenService,
    { provide: APP_GUARD, useExisting: JwtAuthGuard },
    { provide: APP_GUARD, useExisting: RolesGuard },
  ],
  exports: [RefreshTokenService, LoginLimiterService],
})
export class AuthHttpModule {}
