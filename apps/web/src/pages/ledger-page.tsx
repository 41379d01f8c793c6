import { useState } from 'react';
import {
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  List,
  Pagination,
  Select,
  Space,
  Tag,
  Table,
  Tooltip,
  Typography,
} from 'antd';
import type { TableProps } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { download, get, type Query } from '../api/http';
import type { LedgerItem, LedgerPage as LedgerPageResponse } from '@contracts/api';
import { QueryState } from '../components/query-state';
import { RungTag, StatusTag } from '../components/status-tag';
import { usePhone } from '../components/use-phone';
import { dayjs } from '../format';
import {
  ESCALATION_LABELS,
  ESCALATION_LEVELS,
  RECTIFICATION_STATUSES,
  RECTIFICATION_TYPES,
  STATUS_LABELS,
  TYPE_LABELS,
} from '../labels';

/** The ledger's filters, all kept in the address so a link (from the dashboard, a colleague) opens the same view. */
const FILTERS = [
  'evaluationId',
  'unitId',
  'status',
  'type',
  'overdue',
  'escalationLevel',
  'minEscalationLevel',
  'deadlineFrom',
  'deadlineTo',
  'q',
] as const;
const SORTS: Record<string, string> = {
  currentDeadline: 'deadline',
  escalationLevel: 'escalationLevel',
  status: 'status',
  findingSeq: 'findingSeq',
  updatedAt: 'updatedAt',
};

function filtersOf(params: URLSearchParams): Query {
  const q: Query = {};
  for (const k of FILTERS) if (params.get(k)) q[k] = params.get(k)!;
  return q;
}

export default function LedgerPage() {
  const [params, setParams] = useSearchParams();
  const phone = usePhone();
  const { message } = App.useApp();
  const [exporting, setExporting] = useState(false);
  const filters = filtersOf(params);
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  const sort = params.get('sort') ?? 'deadline';
  const order = params.get('order') ?? 'asc';
  const q = useQuery({
    queryKey: ['ledger', params.toString()],
    queryFn: () => get<LedgerPageResponse>('/rectifications', { ...filters, page, pageSize, sort, order }),
    placeholderData: keepPreviousData,
  });

  const update = (patch: Record<string, string | undefined>, resetPage = true) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (resetPage) next.delete('page');
    setParams(next);
  };

  const onSearch = (v: Record<string, unknown>) => {
    const range = v.deadline as [dayjs.Dayjs, dayjs.Dayjs] | null | undefined;
    update({
      q: (v.q as string) || undefined,
      status: (v.status as string[])?.join(',') || undefined,
      type: (v.type as string[])?.join(',') || undefined,
      overdue: (v.overdue as string) || undefined,
      escalationLevel:
        v.escalationLevel !== undefined && v.escalationLevel !== null ? String(v.escalationLevel) : undefined,
      deadlineFrom: range?.[0]?.format('YYYY-MM-DD'),
      deadlineTo: range?.[1]?.format('YYYY-MM-DD'),
    });
  };

  const exportXlsx = async () => {
    setExporting(true);
    try {
      const name = await download('/rectifications/export.xlsx', { ...filters, sort, order });
      message.success(`已导出：${name}`);
    } catch (err) {
      message.error((err as Error).message);
    } finally {
      setExporting(false);
    }
  };

  const columns: TableProps<LedgerItem>['columns'] = [
    {
      title: '问题',
      dataIndex: 'findingTitle',
      key: 'findingSeq',
      fixed: 'left',
      width: 260,
      ellipsis: { showTitle: false },
      sorter: true,
      sortOrder: sort === 'findingSeq' ? (order === 'asc' ? 'ascend' : 'descend') : null,
      render: (t: string, r) => (
        <Tooltip title={t} placement="topLeft">
          {r.repeatFinding && <Tag color="red">屡查屡犯</Tag>}
          <Link to={`/rectifications/${encodeURIComponent(r.id)}`}>{t}</Link>
        </Tooltip>
      ),
    },
    {
      title: '评价项目',
      key: 'project',
      width: 200,
      ellipsis: { showTitle: false },
      render: (_, r) => (
        <Tooltip title={r.evaluation.projectName} placement="topLeft">
          {r.evaluation.projectName ?? '—'}
        </Tooltip>
      ),
    },
    { title: '责任单位', key: 'unit', width: 160, ellipsis: true, render: (_, r) => r.unit.name ?? '—' },
    {
      title: '状态',
      dataIndex: 'status',
      key: 'status',
      width: 100,
      sorter: true,
      sortOrder: sort === 'status' ? (order === 'asc' ? 'ascend' : 'descend') : null,
      render: (_, r) => <StatusTag status={r.status} label={r.statusLabel} />,
    },
    { title: '类型', dataIndex: 'typeLabel', width: 100 },
    {
      title: '整改时限',
      dataIndex: 'currentDeadline',
      key: 'currentDeadline',
      width: 120,
      sorter: true,
      sortOrder: sort === 'deadline' ? (order === 'asc' ? 'ascend' : 'descend') : null,
      render: (_, r) => <DeadlineText row={r} />,
    },
    { title: '逾期', key: 'overdue', width: 90, render: (_, r) => (r.overdue ? `${r.overdueDays} 天` : '—') },
    {
      title: '督办级别',
      key: 'escalationLevel',
      width: 100,
      sorter: true,
      sortOrder: sort === 'escalationLevel' ? (order === 'asc' ? 'ascend' : 'descend') : null,
      render: (_, r) => <RungTag level={r.escalationLevel} label={r.escalationLabel} />,
    },
    { title: '佐证', dataIndex: 'evidenceCount', width: 70 },
    { title: '认定', dataIndex: 'lastReviewLabel', width: 90, render: (v) => v ?? '—' },
  ];

  const statusValue = params.get('status')?.split(',').filter(Boolean);
  const typeValue = params.get('type')?.split(',').filter(Boolean);
  const from = params.get('deadlineFrom');
  const to = params.get('deadlineTo');

  return (
    <>
      <Typography.Title level={3} className="page-title">
        整改台账
      </Typography.Title>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Form
          layout={phone ? 'vertical' : 'inline'}
          onFinish={onSearch}
          key={params.toString()}
          initialValues={{
            q: params.get('q') ?? undefined,
            status: statusValue,
            type: typeValue,
            overdue: params.get('overdue') ?? undefined,
            escalationLevel: params.get('escalationLevel')
              ? Number(params.get('escalationLevel'))
              : undefined,
            deadline: from || to ? [from ? dayjs(from) : null, to ? dayjs(to) : null] : undefined,
          }}
        >
          <Form.Item label="关键词" name="q">
            <Input allowClear placeholder="问题或项目名称" style={{ width: phone ? '100%' : 180 }} />
          </Form.Item>
          <Form.Item label="状态" name="status">
            <Select
              mode="multiple"
              showSearch={{ optionFilterProp: 'label' }}
              allowClear
              aria-label="状态"
              style={{ minWidth: phone ? '100%' : 200 }}
              options={RECTIFICATION_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
            />
          </Form.Item>
          <Form.Item label="类型" name="type">
            <Select
              mode="multiple"
              showSearch={{ optionFilterProp: 'label' }}
              allowClear
              style={{ minWidth: phone ? '100%' : 140 }}
              options={RECTIFICATION_TYPES.map((s) => ({ value: s, label: TYPE_LABELS[s] }))}
            />
          </Form.Item>
          <Form.Item label="逾期" name="overdue">
            <Select
              allowClear
              style={{ width: phone ? '100%' : 100 }}
              options={[
                { value: 'true', label: '已逾期' },
                { value: 'false', label: '未逾期' },
              ]}
            />
          </Form.Item>
          <Form.Item label="督办级别" name="escalationLevel">
            <Select
              allowClear
              style={{ width: phone ? '100%' : 110 }}
              options={[0, ...ESCALATION_LEVELS].map((l) => ({ value: l, label: ESCALATION_LABELS[l as 0] }))}
            />
          </Form.Item>
          <Form.Item label="整改时限" name="deadline">
            <DatePicker.RangePicker allowEmpty={[true, true]} />
          </Form.Item>
          <Space wrap>
            <Button type="primary" htmlType="submit">
              查询
            </Button>
            <Button onClick={() => setParams(new URLSearchParams())}>重置</Button>
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportXlsx()}>
              导出 Excel
            </Button>
          </Space>
        </Form>
      </Card>
      <QueryState q={q}>
        {(data) => (
          <>
            <Typography.Text type="secondary" className="ledger-total">
              共 {data.total}
              {data.totalIsEstimate ? '+' : ''} 项整改事项
            </Typography.Text>
            {phone ? (
              <>
                <List
                  dataSource={data.items}
                  locale={{ emptyText: '没有符合条件的整改事项' }}
                  renderItem={(r) => (
                    <Card
                      size="small"
                      style={{ marginTop: 8 }}
                      className={r.overdue ? 'row-overdue' : undefined}
                    >
                      <Link to={`/rectifications/${encodeURIComponent(r.id)}`}>{r.findingTitle}</Link>
                      <div>
                        <Space wrap size={[6, 4]}>
                          <StatusTag status={r.status} label={r.statusLabel} />
                          <span>
                            时限 <DeadlineText row={r} />
                          </span>
                          {r.overdue && (
                            <Typography.Text type="danger">逾期 {r.overdueDays} 天</Typography.Text>
                          )}
                          <RungTag level={r.escalationLevel} label={r.escalationLabel} />
                        </Space>
                      </div>
                      <Typography.Text type="secondary">{r.unit.name}</Typography.Text>
                    </Card>
                  )}
                />
                <Pagination
                  simple
                  style={{ marginTop: 12 }}
                  current={page}
                  pageSize={pageSize}
                  total={data.total}
                  onChange={(p) => update({ page: String(p) }, false)}
                />
              </>
            ) : (
              <Table<LedgerItem>
                rowKey="id"
                size="small"
                loading={q.isFetching}
                columns={columns}
                dataSource={data.items}
                scroll={{ x: 1300 }}
                rowClassName={(r) => (r.overdue ? 'row-overdue' : '')}
                locale={{ emptyText: '没有符合条件的整改事项' }}
                onChange={(p, _f, s) => {
                  const sorter = Array.isArray(s) ? s[0] : s;
                  const key = sorter?.order ? SORTS[String(sorter.columnKey)] : undefined;
                  update(
                    {
                      page: String(p.current ?? 1),
                      pageSize: String(p.pageSize ?? 20),
                      sort: key,
                      order: key ? (sorter.order === 'descend' ? 'desc' : 'asc') : undefined,
                    },
                    false,
                  );
                }}
                pagination={{
                  current: page,
                  pageSize,
                  total: data.total,
                  showSizeChanger: true,
                  showQuickJumper: true,
                  pageSizeOptions: [10, 20, 50, 100],
                  showTotal: (t) => `共 ${t} 项`,
                }}
              />
            )}
          </>
        )}
      </QueryState>
    </>
  );
}

/** The current deadline, marked when it counts into a year whose 放假/调休 arrangement is not loaded yet. */
function DeadlineText({ row }: { row: LedgerItem }) {
  return (
    <>
      {row.currentDeadline}
      {row.deadlineProvisional && (
        <Tooltip title="节假日安排未公布，按周末计算，公布后自动重算">
          <Tag color="gold" style={{ marginInlineStart: 4 }}>
            暂定
          </Tag>
        </Tooltip>
      )}
    </>
  );
}
