import { Card, DatePicker, Input, Space, Table, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { get } from '../../api/http';
import type { AuditLogEntry, AuditLogPage } from '@contracts/api';
import { QueryState } from '../../components/query-state';
import { dayjs, formatDateTime } from '../../format';

export default function AuditPage() {
  const [params, setParams] = useSearchParams();
  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('page' in patch)) next.delete('page');
    setParams(next);
  };
  const page = Number(params.get('page') ?? 1);
  const q = useQuery({
    queryKey: ['audit', params.toString()],
    queryFn: () =>
      get<AuditLogPage>('/audit-log', {
        action: params.get('action'),
        entityType: params.get('entityType'),
        entityId: params.get('entityId'),
        from: params.get('from'),
        to: params.get('to'),
        page,
        pageSize: 50,
      }),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <Typography.Title level={3} className="page-title">
        审计日志
      </Typography.Title>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap>
          <Input.Search
            allowClear
            placeholder="操作，如 user.update"
            defaultValue={params.get('action') ?? ''}
            onSearch={(v) => set({ action: v || undefined })}
            aria-label="操作"
          />
          <Input.Search
            allowClear
            placeholder="对象类型"
            defaultValue={params.get('entityType') ?? ''}
            onSearch={(v) => set({ entityType: v || undefined })}
            aria-label="对象类型"
          />
          <Input.Search
            allowClear
            placeholder="对象编号"
            defaultValue={params.get('entityId') ?? ''}
            onSearch={(v) => set({ entityId: v || undefined })}
            aria-label="对象编号"
          />
          <DatePicker.RangePicker
            aria-label="时间范围"
            value={params.get('from') ? [dayjs(params.get('from')), dayjs(params.get('to'))] : null}
            onChange={(r) =>
              set({ from: r?.[0]?.startOf('day').toISOString(), to: r?.[1]?.endOf('day').toISOString() })
            }
          />
        </Space>
      </Card>
      <QueryState q={q}>
        {(data) => (
          <Table<AuditLogEntry>
            rowKey="id"
            size="small"
            dataSource={data.items}
            scroll={{ x: 'max-content' }}
            pagination={{
              current: page,
              pageSize: 50,
              total: data.total,
              showTotal: (t) => `共 ${t} 条`,
              onChange: (p) => set({ page: String(p) }),
            }}
            columns={[
              { title: '时间', dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
              { title: '操作人', dataIndex: 'actorName' },
              { title: '操作', dataIndex: 'action' },
              {
                title: '对象',
                key: 'e',
                render: (_, e) => `${e.entityType}${e.entityId ? ` #${e.entityId}` : ''}`,
              },
              { title: 'IP', dataIndex: 'ip' },
              {
                title: '内容',
                dataIndex: 'payload',
                ellipsis: true,
                width: 320,
                render: (p: unknown) => (p ? JSON.stringify(p) : '—'),
              },
            ]}
          />
        )}
      </QueryState>
    </>
  );
}
