export * from './todo-groups';
