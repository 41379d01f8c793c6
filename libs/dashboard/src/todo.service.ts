import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessScopeService, AuthUser, type Role } from '@rectiflow/auth';
import { AppConfig } from '@rectiflow/config';
import {
  ESCALATION_LABELS,
  STATUS_LABELS,
  type EscalationLevel,
  type RectificationStatus,
} from '@rectiflow/contracts';
import { daysBetween, localDate } from './dashboard-dates';
import { num, OPEN_SQL, scopedItems } from './dashboard-scope';
import type { TodoGroup, TodoGroupKey, TodoItem, TodoList } from './dashboard.types';

/** How many items each group lists; `count` always tells the full number. */
export const TODO_PAGE = 50;

/** The last extension request has no decision yet (the state snapshot holds them in order). */
const PENDING_EXTENSION_SQL = `JSON_LENGTH(r.state, '$.extensions') > 0 AND JSON_EXTRACT(r.state, CONCAT('$.extensions[', JSON_LENGTH(r.state, '$.extensions') - 1, '].decision')) IS NULL`;

const GROUPS: Record<TodoGroupKey, { label: string; where: string }> = {
  my_items: { label: '本单位待办整改事项', where: OPEN_SQL },
  plans_to_approve: { label: '待审核的整改方案', where: `r.status = 'plan_submitted'` },
  submissions_to_review: { label: '待认定的整改情况', where: `r.status = 'submitted'` },
  extensions_to_decide: { label: '待审批的延期申请', where: `${OPEN_SQL} AND ${PENDING_EXTENSION_SQL}` },
  escalated: { label: '已升级至约谈、通报的事项', where: `${OPEN_SQL} AND r.escalationLevel >= 3` },
};

/** What each role works on. The auditor only reads: it has no to-do. */
const GROUPS_BY_ROLE: Record<Role, TodoGroupKey[]> = {
  dept_user: ['my_items'],
  dept_leader: ['my_items'],
  bureau_reviewer: ['plans_to_approve', 'submissions_to_review', 'extensions_to_decide'],
  bureau_admin: ['plans_to_approve', 'submissions_to_review', 'extensions_to_decide'],
  bureau_leader: ['escalated'],
  auditor: [],
};

/** 我的待办: the caller's work queue, by role, within its units, due soonest first. */
@Injectable()
export class TodoService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: AccessScopeService,
    private readonly config: AppConfig,
  ) {}

  async list(user: AuthUser, now = new Date()): Promise<TodoList> {
    const keys = GROUPS_BY_ROLE[user.role] ?? [];
    if (keys.length === 0) return { total: 0, groups: [] };
    const scope = await this.scope.visibleUnitIds(user);
    const today = localDate(now, this.config.notifications.timezone);
    const groups: TodoGroup[] = [];
    for (const key of keys) {
      const where = GROUPS[key].where;
      const [rows, count] = await Promise.all([
        scopedItems(this.db, scope)
          .andWhere(where)
          .leftJoin('unit', 'u', 'u.id = r.unitId')
          .leftJoin('evaluation', 'e', 'e.id = r.evaluationId')
          .select([
            'r.id AS id',
            'r.evaluationId AS evaluationId',
            'e.projectName AS projectName',
            'r.findingSeq AS findingSeq',
            'r.findingTitle AS findingTitle',
            'r.unitId AS unitId',
            'u.name AS unitName',
            'r.status AS status',
            `DATE_FORMAT(r.currentDeadline, '%Y-%m-%d') AS deadline`,
            'r.overdue AS overdue',
            'r.escalationLevel AS escalationLevel',
          ])
          .orderBy('r.currentDeadline', 'ASC')
          .addOrderBy('r.id', 'ASC')
          .limit(TODO_PAGE)
          .getRawMany<Record<string, unknown>>(),
        scopedItems(this.db, scope).andWhere(where).select('COUNT(*)', 'n').getRawOne<{ n: unknown }>(),
      ]);
      groups.push({
        key,
        label: GROUPS[key].label,
        count: num(count?.n),
        items: rows.map((r) => toTodoItem(r, today)),
      });
    }
    const union = keys.map((k) => `(${GROUPS[k].where})`).join(' OR ');
    const total = await scopedItems(this.db, scope)
      .andWhere(`(${union})`)
      .select('COUNT(*)', 'n')
      .getRawOne<{ n: unknown }>();
    return { total: num(total?.n), groups };
  }
}

function toTodoItem(r: Record<string, unknown>, today: string): TodoItem {
  const status = r.status as RectificationStatus;
  const level = num(r.escalationLevel) as EscalationLevel;
  const deadline = String(r.deadline);
  return {
    id: String(r.id),
    evaluationId: String(r.evaluationId),
    projectName: (r.projectName as string | null) ?? null,
    findingSeq: num(r.findingSeq),
    findingTitle: String(r.findingTitle),
    unitId: num(r.unitId),
    unitName: (r.unitName as string | null) ?? null,
    status,
    statusLabel: STATUS_LABELS[status],
    deadline,
    daysLeft: daysBetween(today, deadline),
    overdue: num(r.overdue) === 1,
    escalationLevel: level,
    escalationLabel: ESCALATION_LABELS[level],
  };
}
