import { App, Button, Card, List, Space, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { get, post } from '../api/http';
import type { NotificationPage } from '@contracts/api';
import { QueryState } from '../components/query-state';
import { formatDateTime } from '../format';

export default function NotificationsPage() {
  const q = useQuery({
    queryKey: ['notifications'],
    queryFn: () => get<NotificationPage>('/notifications', { pageSize: 50 }),
  });
  const client = useQueryClient();
  const { message } = App.useApp();
  const refresh = async () => {
    await client.invalidateQueries({ queryKey: ['notifications'] });
    await client.invalidateQueries({ queryKey: ['unread-count'] });
  };
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} className="page-title">
          站内消息
        </Typography.Title>
        <Button
          onClick={async () => {
            const r = await post<{ updated: number }>('/notifications/read-all');
            message.success(`已将 ${r.updated} 条标为已读`);
            await refresh();
          }}
        >
          全部标为已读
        </Button>
      </Space>
      <Card size="small">
        <QueryState q={q}>
          {(data) => (
            <List
              dataSource={data.items}
              locale={{ emptyText: '暂无消息' }}
              renderItem={(n) => (
                <List.Item
                  actions={
                    n.read
                      ? []
                      : [
                          <a
                            key="r"
                            onClick={async () => (await post(`/notifications/${n.id}/read`), await refresh())}
                          >
                            标为已读
                          </a>,
                        ]
                  }
                >
                  <List.Item.Meta
                    title={
                      <Space wrap>
                        {!n.read && <Tag color="red">未读</Tag>}
                        {n.rectificationId ? (
                          <Link to={`/rectifications/${encodeURIComponent(n.rectificationId)}`}>
                            {n.title}
                          </Link>
                        ) : (
                          n.title
                        )}
                      </Space>
                    }
                    description={
                      <>
                        <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{n.body}</div>
                        <Typography.Text type="secondary">{formatDateTime(n.createdAt)}</Typography.Text>
                      </>
                    }
                  />
                </List.Item>
              )}
            />
          )}
        </QueryState>
      </Card>
    </>
  );
}
