import type { TodoGroupKey } from '../dashboard/todo-groups';
import type { EscalationLevel, RectificationStatus } from '../rectification/rectification.types';

/** One item of 我的待办 (GET /todo). */
export interface TodoItem {
  id: string;
  evaluationId: string;
  projectName: string | null;
  findingSeq: number;
  findingTitle: string;
  unitId: number;
  unitName: string | null;
  status: RectificationStatus;
  statusLabel: string;
  deadline: string;
  /** calendar days from today to the deadline; negative when overdue */
  daysLeft: number;
  overdue: boolean;
  escalationLevel: EscalationLevel;
  escalationLabel: string;
}

export interface TodoGroup {
  key: TodoGroupKey;
  label: string;
  /** every matching item; `items` holds the first TODO_PAGE of them, due soonest first */
  count: number;
  items: TodoItem[];
}

export interface TodoList {
  /** items across groups, each counted once */
  total: number;
  groups: TodoGroup[];
}
