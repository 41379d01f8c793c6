// The dashboard's and 我的待办's answers are the web's types too: declared once in libs/contracts.
export { TODO_GROUPS, type TodoGroupKey } from '@rectiflow/contracts';
export type {
  AgeingBucket,
  DashboardSummary,
  GradeRow,
  RungRow,
  TodoGroup,
  TodoItem,
  TodoList,
  UnitCompletionRow,
  WeeklyClosures,
} from '@rectiflow/contracts';
