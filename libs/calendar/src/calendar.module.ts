import { Module } from '@nestjs/common';
import { PersistenceModule } from '@rectiflow/persistence';
import { HolidayCalendarProvider } from './holiday-calendar.provider';

/** The process's working-day calendar (shipped years + years loaded by an administrator). */
@Module({
  imports: [PersistenceModule],
  providers: [HolidayCalendarProvider],
  exports: [HolidayCalendarProvider],
})
export class CalendarModule {}
