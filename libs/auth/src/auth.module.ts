import { Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PersistenceModule } from '@rectiflow/persistence';
import { AccessScopeService } from './access-scope.service';
import { AccessTokenService } from './access-token.service';
import { JwtAuthGuard } from './jwt-auth.guard';
import { RolesGuard } from './roles.guard';
import { SessionLivenessService } from './session-liveness.service';

/**
 * Global: any module can inject AccessScopeService (unit scoping) and AccessTokenService without importing this.
 * It does not install the guards itself — the API does that with APP_GUARD (apps/api/src/auth/auth-http.module.ts),
 * so a process without HTTP (the worker) can use the scoping rule without the HTTP machinery.
 */
@Global()
@Module({
  // Secrets and lifetimes are passed on each call by AccessTokenService, from AppConfig.
  imports: [JwtModule.register({}), PersistenceModule],
  providers: [AccessScopeService, AccessTokenService, JwtAuthGuard, RolesGuard, SessionLivenessService],
  exports: [AccessScopeService, AccessTokenService, JwtAuthGuard, RolesGuard, SessionLivenessService],
})
export class AuthModule {}
