export * from './dashboard-dates';
export * from './dashboard.module';
export * from './dashboard.service';
export * from './dashboard.types';
export * from './todo.service';
