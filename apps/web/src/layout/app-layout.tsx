import { useState } from 'react';
import { Badge, Breadcrumb, Button, Drawer, Grid, Layout, Menu, Space, Tag, Tooltip, Typography } from 'antd';
import { BellOutlined, CheckSquareOutlined, LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { get } from '../api/http';
import { useMe, useSession } from '../api/session';
import { ROLE_LABELS } from '../labels';
import { activeEntry, menuFor } from './menu';

const { Header, Sider, Content } = Layout;

export function AppLayout() {
  const me = useMe();
  const { logout } = useSession();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const [drawer, setDrawer] = useState(false);
  const location = useLocation();
  const navigate = useNavigate();
  const entry = activeEntry(location.pathname);
  const unread = useQuery({
    queryKey: ['unread-count'],
    queryFn: () => get<{ count: number }>('/notifications/unread-count'),
    refetchInterval: 30_000,
  });
  const todo = useQuery({
    queryKey: ['todo'],
    queryFn: () => get<{ total: number }>('/todo'),
    refetchInterval: 30_000,
  });

  const items = menuFor(me.role).map((m) => ({
    key: m.key,
    icon: m.icon,
    label: <Link to={m.key}>{m.label}</Link>,
  }));
  const menu = (
    <Menu
      theme="dark"
      mode="inline"
      selectedKeys={entry ? [entry.key] : []}
      items={items}
      onClick={() => setDrawer(false)}
      aria-label="主菜单"
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!phone && (
        <Sider width={200} breakpoint="lg" collapsedWidth={64}>
          <div className="brand">整改跟踪</div>
          {menu}
        </Sider>
      )}
      {phone && (
        <Drawer
          placement="left"
          open={drawer}
          onClose={() => setDrawer(false)}
          size={240}
          styles={{ body: { padding: 0, background: '#001529' } }}
          title="绩效评价问题整改跟踪"
        >
          {menu}
        </Drawer>
      )}
      <Layout style={{ minWidth: 0 }}>
        <Header className="app-header">
          <Space style={{ minWidth: 0 }}>
            {phone && (
              <Button icon={<MenuOutlined />} aria-label="打开菜单" onClick={() => setDrawer(true)} />
            )}
            {!phone && (
              <Breadcrumb
                items={[{ title: <Link to="/">首页</Link> }, ...(entry ? [{ title: entry.label }] : [])]}
              />
            )}
          </Space>
          <div className="header-user">
            <Tooltip title="我的待办">
              <Badge count={todo.data?.total ?? 0} size="small" overflowCount={99} color="blue">
                <Button
                  type="text"
                  icon={<CheckSquareOutlined />}
                  aria-label={`我的待办 ${todo.data?.total ?? 0} 项`}
                  onClick={() => navigate('/todo')}
                />
              </Badge>
            </Tooltip>
            <Tooltip title="未读消息">
              <Badge count={unread.data?.count ?? 0} size="small" overflowCount={99}>
                <Button
                  type="text"
                  icon={<BellOutlined />}
                  aria-label={`未读消息 ${unread.data?.count ?? 0} 条`}
                  onClick={() => navigate('/notifications')}
                />
              </Badge>
            </Tooltip>
            <span className="who">
              <Typography.Text strong className="user-name">
                {me.displayName}
              </Typography.Text>
              <span className="hide-phone">
                {' '}
                <Typography.Text type="secondary" className="user-unit">
                  {me.unit?.name}
                </Typography.Text>{' '}
                <Tag className="user-role">{ROLE_LABELS[me.role]}</Tag>
              </span>
            </span>
            <Button icon={<LogoutOutlined />} onClick={() => void logout()} aria-label="退出">
              {phone ? null : '退出'}
            </Button>
          </div>
        </Header>
        <Content className="app-content">
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  );
}
