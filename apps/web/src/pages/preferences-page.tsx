import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Descriptions, Form, Input, Table, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { get, post, put } from '../api/http';
import { useMe } from '../api/session';
import { QueryState } from '../components/query-state';
import { ROLE_LABELS } from '../labels';

interface Preference {
  event: string;
  label: string;
  channels: string[];
  locked: boolean;
}

const CHANNELS = [
  { value: 'in_app', label: '站内消息' },
  { value: 'email', label: '邮件' },
];

/** The user's own account, notification channels per event, and password. */
export default function PreferencesPage() {
  const me = useMe();
  const q = useQuery({
    queryKey: ['preferences'],
    queryFn: () => get<Preference[]>('/notifications/preferences'),
  });
  const [rows, setRows] = useState<Preference[] | null>(null);
  const [pwError, setPwError] = useState<string | null>(null);
  const client = useQueryClient();
  const { message } = App.useApp();
  return (
    <>
      <Typography.Title level={3} className="page-title">
        个人设置
      </Typography.Title>
      <Card size="small" title="我的账号">
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 3 }}
          items={[
            { label: '姓名', children: me.displayName },
            { label: '单位', children: me.unit?.name },
            { label: '角色', children: ROLE_LABELS[me.role] },
          ]}
        />
      </Card>
      <Card size="small" title="通知方式" style={{ marginTop: 12 }}>
        <QueryState q={q}>
          {(data) => {
            const list = rows ?? data;
            return (
              <>
                <Table<Preference>
                  rowKey="event"
                  size="small"
                  pagination={false}
                  dataSource={list}
                  scroll={{ x: 'max-content' }}
                  columns={[
                    {
                      title: '事件',
                      dataIndex: 'label',
                      render: (l: string, p) =>
                        p.locked ? (
                          <>
                            {l} <Tag>不可关闭</Tag>
                          </>
                        ) : (
                          l
                        ),
                    },
                    {
                      title: '渠道',
                      key: 'c',
                      render: (_, p) => (
                        <Checkbox.Group
                          disabled={p.locked}
                          options={CHANNELS}
                          value={p.channels}
                          onChange={(v) =>
                            setRows(
                              list.map((x) => (x.event === p.event ? { ...x, channels: v as string[] } : x)),
                            )
                          }
                        />
                      ),
                    },
                  ]}
                />
                <Button
                  type="primary"
                  style={{ marginTop: 12 }}
                  disabled={!rows}
                  onClick={async () => {
                    try {
                      await put('/notifications/preferences', {
                        preferences: list
                          .filter((p) => !p.locked)
                          .map((p) => ({ event: p.event, channels: p.channels })),
                      });
                      message.success('通知方式已保存');
                      setRows(null);
                      await client.invalidateQueries({ queryKey: ['preferences'] });
                    } catch (err) {
                      message.error((err as Error).message);
                    }
                  }}
                >
                  保存通知方式
                </Button>
              </>
            );
          }}
        </QueryState>
      </Card>
      <Card size="small" title="修改密码" style={{ marginTop: 12 }}>
        {pwError && <Alert type="error" showIcon title={pwError} role="alert" style={{ marginBottom: 12 }} />}
        <Form
          layout="vertical"
          style={{ maxWidth: 360 }}
          onFinish={async (v: { currentPassword: string; newPassword: string }) => {
            setPwError(null);
            try {
              await post('/auth/password', v);
              message.success('密码已修改');
            } catch (err) {
              setPwError((err as Error).message);
            }
          }}
        >
          <Form.Item
            label="当前密码"
            name="currentPassword"
            rules={[{ required: true, message: '请填写当前密码' }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            label="新密码"
            name="newPassword"
            rules={[{ required: true, message: '请填写新密码' }]}
            extra="8–128 位，须同时包含字母和数字"
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button htmlType="submit">修改密码</Button>
        </Form>
      </Card>
    </>
  );
}
