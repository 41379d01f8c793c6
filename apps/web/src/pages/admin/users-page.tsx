import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  List,
  Modal,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { get, patch, post } from '../../api/http';
import type { UnitResponse, UserPage, UserResponse } from '@contracts/api';
import { listOf } from '../../components/list-of';
import { QueryState } from '../../components/query-state';
import { usePhone } from '../../components/use-phone';
import { formatDateTime } from '../../format';
import { ROLE_LABELS } from '../../labels';

type Editing = { user?: UserResponse; reset?: boolean };

export default function UsersPage() {
  const [search, setSearch] = useState('');
  const q = useQuery({
    queryKey: ['users', search],
    queryFn: () => get<UserPage>('/users', { q: search, pageSize: 200 }),
  });
  const [editing, setEditing] = useState<Editing | null>(null);
  const phone = usePhone();
  const { message } = App.useApp();
  const client = useQueryClient();
  const unlock = async (u: UserResponse) => {
    try {
      await post(`/users/${u.id}/unlock`, {});
      void message.success(`已解除「${u.displayName}」的登录锁定`);
      await client.invalidateQueries({ queryKey: ['users'] });
    } catch (e) {
      void message.error((e as Error).message);
    }
  };
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} className="page-title">
          用户管理
        </Typography.Title>
        <Space wrap>
          <Input.Search
            allowClear
            placeholder="用户名或姓名"
            onSearch={setSearch}
            style={{ width: 200 }}
            aria-label="搜索用户"
          />
          <Button type="primary" onClick={() => setEditing({})}>
            新建用户
          </Button>
        </Space>
      </Space>
      <Card size="small">
        <QueryState q={q}>
          {(data) =>
            phone ? (
              <List
                dataSource={listOf(data)}
                renderItem={(u) => (
                  <List.Item
                    actions={[
                      <a key="e" onClick={() => setEditing({ user: u })}>
                        编辑
                      </a>,
                    ]}
                  >
                    <List.Item.Meta
                      title={`${u.displayName}（${u.username}）`}
                      description={`${ROLE_LABELS[u.role]} · ${u.unitName ?? ''}`}
                    />
                  </List.Item>
                )}
              />
            ) : (
              <Table<UserResponse>
                rowKey="id"
                size="small"
                dataSource={listOf(data)}
                scroll={{ x: 'max-content' }}
                columns={[
                  { title: '用户名', dataIndex: 'username', fixed: 'left' },
                  { title: '姓名', dataIndex: 'displayName' },
                  { title: '角色', dataIndex: 'role', render: (r: UserResponse['role']) => ROLE_LABELS[r] },
                  { title: '单位', dataIndex: 'unitName' },
                  {
                    title: '状态',
                    key: 's',
                    render: (_, u) => (
                      <Space>
                        {u.active ? <Tag color="success">启用</Tag> : <Tag>停用</Tag>}
                        {u.lockedUntil && new Date(u.lockedUntil) > new Date() && (
                          <Tag color="red">已锁定</Tag>
                        )}
                      </Space>
                    ),
                  },
                  {
                    title: '最近登录',
                    dataIndex: 'lastLoginAt',
                    render: (v: string | null) => formatDateTime(v),
                  },
                  {
                    title: '操作',
                    key: 'a',
                    render: (_, u) => (
                      <Space>
                        <a onClick={() => setEditing({ user: u })}>编辑</a>
                        {(u.failedLogins ?? 0) > 0 || u.lockedUntil ? (
                          <a onClick={() => void unlock(u)}>解除锁定</a>
                        ) : null}
                        <a onClick={() => setEditing({ user: u, reset: true })}>重置密码</a>
                      </Space>
                    ),
                  },
                ]}
              />
            )
          }
        </QueryState>
      </Card>
      {editing && <UserModal editing={editing} onClose={() => setEditing(null)} />}
    </>
  );
}

function UserModal({ editing, onClose }: { editing: Editing; onClose: () => void }) {
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const client = useQueryClient();
  const { message } = App.useApp();
  const units = useQuery({ queryKey: ['units'], queryFn: () => get<UnitResponse[]>('/units') });
  const u = editing.user;
  const save = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      if (editing.reset && u) await post(`/users/${u.id}/reset-password`, { password: v.password });
      else if (u) await patch(`/users/${u.id}`, v);
      else await post('/users', v);
      message.success(editing.reset ? '密码已重置' : '用户已保存');
      await client.invalidateQueries({ queryKey: ['users'] });
      onClose();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const title = editing.reset ? `重置密码：${u?.displayName}` : u ? `编辑用户：${u.displayName}` : '新建用户';
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={() => void save()}
      okText="保存"
      cancelText="取消"
      okButtonProps={{ loading: busy }}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={
          u
            ? {
                displayName: u.displayName,
                role: u.role,
                unitId: u.unitId,
                email: u.email,
                phone: u.phone,
                active: u.active,
              }
            : { role: 'dept_user' }
        }
      >
        {editing.reset ? (
          <Form.Item
            label="新密码"
            name="password"
            rules={[{ required: true, message: '请填写新密码' }]}
            extra="8–128 位，须同时包含字母和数字"
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        ) : (
          <>
            {!u && (
              <>
                <Form.Item
                  label="用户名"
                  name="username"
                  rules={[{ required: true, message: '请填写用户名' }]}
                >
                  <Input autoComplete="off" />
                </Form.Item>
                <Form.Item
                  label="初始密码"
                  name="password"
                  rules={[{ required: true, message: '请填写初始密码' }]}
                  extra="8–128 位，须同时包含字母和数字"
                >
                  <Input.Password autoComplete="new-password" />
                </Form.Item>
              </>
            )}
            <Form.Item label="姓名" name="displayName" rules={[{ required: true, message: '请填写姓名' }]}>
              <Input />
            </Form.Item>
            <Form.Item label="角色" name="role" rules={[{ required: true, message: '请选择角色' }]}>
              <Select
                options={Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label }))}
                aria-label="角色"
              />
            </Form.Item>
            <Form.Item label="所属单位" name="unitId" rules={[{ required: true, message: '请选择单位' }]}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                loading={units.isPending}
                options={listOf(units.data).map((x) => ({ value: x.id, label: x.name }))}
                aria-label="所属单位"
              />
            </Form.Item>
            <Form.Item label="邮箱" name="email">
              <Input />
            </Form.Item>
            <Form.Item label="电话" name="phone">
              <Input />
            </Form.Item>
            {u && (
              <Form.Item label="启用" name="active" valuePropName="checked">
                <Switch />
              </Form.Item>
            )}
          </>
        )}
      </Form>
    </Modal>
  );
}
