import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, ConfigModule } from '@rectiflow/config';
import { LoggingModule } from '@rectiflow/logging';
import { PersistenceModule } from '@rectiflow/persistence';
import { QueueModule } from '@rectiflow/queue';
import { SystemModule } from '@rectiflow/system';
import { TemporalClientModule } from '@rectiflow/temporal';
import { AuditLogModule } from './audit/audit-log.module';
import { CalendarHttpModule } from './calendar/calendar-http.module';
import { AuthHttpModule } from './auth/auth-http.module';
import { DocumentsHttpModule } from './documents/documents-http.module';
import { DashboardHttpModule } from './dashboard/dashboard-http.module';
import { EvaluationsHttpModule } from './evaluations/evaluations-http.module';
import { HealthModule } from './health/health.module';
import { NotificationsHttpModule } from './notifications/notifications-http.module';
import { RectificationsHttpModule } from './rectifications/rectifications-http.module';
import { PolicyDefaultsHttpModule } from './policy-defaults/policy-defaults-http.module';
import { ProbeController } from './system/probe.controller';
import { UnitsModule } from './units/units.module';
import { UsersModule } from './users/users.module';

/** The HTTP process: the shared module graph plus controllers. */
@Module({})
export class ApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule,
        PersistenceModule,
        QueueModule,
        TemporalClientModule,
        HealthModule,
        SystemModule,
        AuthHttpModule,
        UnitsModule,
        UsersModule,
        AuditLogModule,
        EvaluationsHttpModule,
        RectificationsHttpModule,
        NotificationsHttpModule,
        CalendarHttpModule,
        DocumentsHttpModule,
        DashboardHttpModule,
        PolicyDefaultsHttpModule,
      ],
      controllers: [ProbeController],
    };
  }
}
