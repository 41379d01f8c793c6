import { Module } from '@nestjs/common';
import { AuditModule } from '@rectiflow/audit';
import { CalendarModule } from '@rectiflow/calendar';
import { PersistenceModule } from '@rectiflow/persistence';
import { CalendarAdminController } from './calendar-admin.controller';
import { CalendarAdminService } from './calendar-admin.service';

@Module({
  imports: [PersistenceModule, AuditModule, CalendarModule],
  controllers: [CalendarAdminController],
  providers: [CalendarAdminService],
})
export class CalendarHttpModule {}
