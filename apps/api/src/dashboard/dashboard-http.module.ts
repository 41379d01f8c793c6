import { Module } from '@nestjs/common';
import { DashboardModule } from '@rectiflow/dashboard';
import { DashboardController } from './dashboard.controller';
import { TodoController } from '../todo/todo.controller';

/** /dashboard/* and /todo. */
@Module({
  imports: [DashboardModule],
  controllers: [DashboardController, TodoController],
})
export class DashboardHttpModule {}
