import { Module } from '@nestjs/common';
import { PersistenceModule } from '@rectiflow/persistence';
import { DashboardService } from './dashboard.service';
import { TodoService } from './todo.service';

/** 工作台 aggregates and 我的待办, both scoped by the caller's units. */
@Module({
  imports: [PersistenceModule],
  providers: [DashboardService, TodoService],
  exports: [DashboardService, TodoService],
})
export class DashboardModule {}
