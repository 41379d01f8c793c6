import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, ConfigModule } from '@rectiflow/config';
import { LoggingModule } from '@rectiflow/logging';
import { PersistenceModule } from '@rectiflow/persistence';
import { QueueModule } from '@rectiflow/queue';
import { SystemModule } from '@rectiflow/system';
import { TemporalClientModule } from '@rectiflow/temporal';
import { HealthModule } from './health/health.module';
import { ProbeController } from './system/probe.controller';

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
      ],
      controllers: [ProbeController],
    };
  }
}
