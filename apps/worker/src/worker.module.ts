import { DynamicModule, Module } from '@nestjs/common';
import { CalendarModule } from '@rectiflow/calendar';
import { AppConfig, ConfigModule } from '@rectiflow/config';
import { DocumentsWorkerModule } from '@rectiflow/documents';
import { LoggingModule } from '@rectiflow/logging';
import { NotificationsWorkerModule } from '@rectiflow/notifications';
import { PersistenceModule } from '@rectiflow/persistence';
import { QueueModule } from '@rectiflow/queue';
import { RectificationModule } from '@rectiflow/rectification';
import { ProbeProcessor, SystemModule } from '@rectiflow/system';
import { TemporalClientModule } from '@rectiflow/temporal';
import { TemporalWorkerService } from './temporal-worker.service';

/** The worker process: the shared module graph plus Temporal activities and BullMQ processors; no HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule,
        PersistenceModule,
        QueueModule,
        TemporalClientModule,
        SystemModule,
        RectificationModule,
        NotificationsWorkerModule,
        CalendarModule,
        DocumentsWorkerModule,
      ],
      providers: [TemporalWorkerService, ProbeProcessor],
    };
  }
}
