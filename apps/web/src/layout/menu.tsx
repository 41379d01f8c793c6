import type { ReactNode } from 'react';
import {
  AuditOutlined,
  BarChartOutlined,
  BellOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  FileSearchOutlined,
  ImportOutlined,
  ApartmentOutlined,
  SettingOutlined,
  TableOutlined,
  TeamOutlined,
  WarningOutlined,
  TrophyOutlined,
  HistoryOutlined,
  ControlOutlined,
} from '@ant-design/icons';
import type { Role } from '@contracts/accounts/role';
import { hasPermission, type Permission } from '@contracts/accounts/permissions';

export interface MenuEntry {
  key: string;
  label: string;
  icon: ReactNode;
  /** Offered only to the roles this permission grants (the API's own table); absent: every role. */
  permission?: Permission;
}

/** The sidebar, by permission: what a role cannot use is not offered (the API still refuses on its own). */
export const MENU: MenuEntry[] = [
  { key: '/dashboard', label: '工作台', icon: <BarChartOutlined /> },
  { key: '/todo', label: '我的待办', icon: <CheckSquareOutlined /> },
  { key: '/rectifications', label: '整改台账', icon: <TableOutlined /> },
  { key: '/evaluations', label: '评价结果', icon: <FileSearchOutlined /> },
  {
    key: '/evaluations/import',
    label: '导入反馈表',
    icon: <ImportOutlined />,
    permission: 'editEvaluations',
  },
  { key: '/rechecks', label: '回头看', icon: <HistoryOutlined /> },
  { key: '/results-application', label: '结果应用', icon: <TrophyOutlined />, permission: 'readAcrossUnits' },
  { key: '/notifications', label: '站内消息', icon: <BellOutlined /> },
  { key: '/admin/units', label: '单位管理', icon: <ApartmentOutlined />, permission: 'manageAccounts' },
  { key: '/admin/users', label: '用户管理', icon: <TeamOutlined />, permission: 'manageAccounts' },
  { key: '/admin/audit-log', label: '审计日志', icon: <AuditOutlined />, permission: 'readAuditLog' },
  {
    key: '/admin/notification-failures',
    label: '发送失败',
    icon: <WarningOutlined />,
    permission: 'manageDeliveryFailures',
  },
  // The page is an editor: offered to whoever may change the calendar.
  { key: '/admin/calendar', label: '节假日日历', icon: <CalendarOutlined />, permission: 'editCalendar' },
  // Every bureau role reads it (what 下发 will use); the page is read-only without editPolicyDefaults.
  {
    key: '/admin/policy-defaults',
    label: '默认整改政策',
    icon: <ControlOutlined />,
    permission: 'readPolicyDefaults',
  },
  { key: '/preferences', label: '个人设置', icon: <SettingOutlined /> },
];

export const menuFor = (role: Role): MenuEntry[] =>
  MENU.filter((m) => !m.permission || hasPermission(role, m.permission));

/** The menu entry a path belongs to (longest prefix), for highlighting and the breadcrumb. */
export function activeEntry(path: string): MenuEntry | undefined {
  return [...MENU]
    .sort((a, b) => b.key.length - a.key.length)
    .find(
      (m) =>
        path === m.key ||
        (path.startsWith(`${m.key}/`) && !(m.key === '/evaluations' && path === '/evaluations/import')),
    );
}
