import { App, Button, Card, Table, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { FailedDelivery, FailedRequest, FailurePage } from '@contracts/api';
import { get, post } from '../../api/http';
import { QueryState } from '../../components/query-state';
import { formatDateTime } from '../../format';

const CHANNELS: Record<string, string> = { in_app: '站内', email: '邮件', webhook: 'Webhook' };

export default function FailuresPage() {
  const q = useQuery({
    queryKey: ['failures'],
    queryFn: () => get<FailurePage>('/admin/notification-failures', { pageSize: 100 }),
  });
  const client = useQueryClient();
  const { message } = App.useApp();
  const retry = async (path: string) => {
    try {
      await post(path);
      message.success('已重新发送');
      await client.invalidateQueries({ queryKey: ['failures'] });
    } catch (err) {
      message.error((err as Error).message);
    }
  };
  const item = (id: string | null) =>
    id ? <Link to={`/rectifications/${encodeURIComponent(id)}`}>查看事项</Link> : '—';
  return (
    <>
      <Typography.Title level={3} className="page-title">
        通知发送失败
      </Typography.Title>
      <QueryState q={q}>
        {(data) => (
          <>
            <Card size="small" title={`投递失败（${data.total}）`}>
              <Table<FailedDelivery>
                rowKey="id"
                size="small"
                dataSource={data.items}
                scroll={{ x: 'max-content' }}
                locale={{ emptyText: '没有发送失败的通知' }}
                columns={[
                  { title: '失败时间', dataIndex: 'failedAt', render: (v: string) => formatDateTime(v) },
                  { title: '渠道', dataIndex: 'channel', render: (c: string) => CHANNELS[c] ?? c },
                  { title: '接收人', dataIndex: 'recipientLabel' },
                  { title: '地址', dataIndex: 'target', ellipsis: true },
                  { title: '次数', dataIndex: 'attempts' },
                  { title: '原因', dataIndex: 'lastError', ellipsis: true },
                  { title: '事项', dataIndex: 'rectificationId', render: item },
                  {
                    title: '操作',
                    key: 'a',
                    render: (_, f) => (
                      <Button
                        size="small"
                        onClick={() => void retry(`/admin/notification-failures/${f.id}/retry`)}
                      >
                        重试
                      </Button>
                    ),
                  },
                ]}
              />
            </Card>
            {data.failedRequests.length > 0 && (
              <Card size="small" title="未能生成的通知" style={{ marginTop: 12 }}>
                <Table<FailedRequest>
                  rowKey="jobId"
                  size="small"
                  dataSource={data.failedRequests}
                  scroll={{ x: 'max-content' }}
                  columns={[
                    {
                      title: '失败时间',
                      dataIndex: 'failedAt',
                      render: (v: string | null) => formatDateTime(v),
                    },
                    { title: '原因', dataIndex: 'failedReason', ellipsis: true },
                    { title: '事项', dataIndex: 'rectificationId', render: item },
                    {
                      title: '操作',
                      key: 'a',
                      render: (_, r) => (
                        <Button
                          size="small"
                          onClick={() =>
                            void retry(
                              `/admin/notification-failures/requests/${encodeURIComponent(r.jobId)}/retry`,
                            )
                          }
                        >
                          重试
                        </Button>
                      ),
                    },
                  ]}
                />
              </Card>
            )}
          </>
        )}
      </QueryState>
    </>
  );
}
