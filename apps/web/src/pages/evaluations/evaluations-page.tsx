import { Button, Card, Input, List, Progress, Select, Space, Table, Tag, Typography } from 'antd';
import { ImportOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { get } from '../../api/http';
import { useSession } from '../../api/session';
import type { EvaluationSummary, Page } from '@contracts/api';
import { QueryState } from '../../components/query-state';
import { usePhone } from '../../components/use-phone';
import { formatDate } from '../../format';
import { EVALUATION_STATUS_LABELS } from '../../labels';

const progressPercent = (e: EvaluationSummary) =>
  e.progress?.total ? Math.round(((e.progress.closed ?? 0) / e.progress.total) * 100) : 0;
const year = (e: EvaluationSummary) => (e.issuedAt ?? e.createdAt)?.slice(0, 4) ?? '—';

export default function EvaluationsPage() {
  const [params, setParams] = useSearchParams();
  const phone = usePhone();
  const navigate = useNavigate();
  const { can } = useSession();
  const page = Number(params.get('page') ?? 1);
  const set = (k: string, v?: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    if (k !== 'page') next.delete('page');
    setParams(next);
  };
  const q = useQuery({
    queryKey: ['evaluations', params.toString()],
    queryFn: () =>
      get<Page<EvaluationSummary>>('/evaluations', {
        q: params.get('q'),
        status: params.get('status'),
        grade: params.get('grade'),
        page,
        pageSize: 20,
      }),
    placeholderData: keepPreviousData,
  });
  const link = (e: EvaluationSummary) =>
    e.status === 'draft' ? `/evaluations/${e.id}/draft` : `/evaluations/${e.id}`;
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} className="page-title">
          评价结果
        </Typography.Title>
        {can('editEvaluations') && (
          <Button type="primary" icon={<ImportOutlined />} onClick={() => navigate('/evaluations/import')}>
            导入反馈表
          </Button>
        )}
      </Space>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap>
          <Input.Search
            allowClear
            placeholder="项目名称、单位"
            defaultValue={params.get('q') ?? ''}
            onSearch={(v) => set('q', v || undefined)}
            style={{ width: 240, maxWidth: '100%' }}
            aria-label="搜索评价"
          />
          <Select
            allowClear
            placeholder="状态"
            style={{ width: 120 }}
            value={params.get('status') ?? undefined}
            onChange={(v) => set('status', v)}
            options={Object.entries(EVALUATION_STATUS_LABELS).map(([value, label]) => ({ value, label }))}
          />
          <Select
            allowClear
            placeholder="等级"
            style={{ width: 100 }}
            value={params.get('grade') ?? undefined}
            onChange={(v) => set('grade', v)}
            options={['优', '良', '中', '差'].map((g) => ({ value: g, label: g }))}
          />
        </Space>
      </Card>
      <QueryState q={q}>
        {(data) =>
          phone ? (
            <List
              dataSource={data.items}
              pagination={{
                current: page,
                total: data.total,
                pageSize: 20,
                simple: true,
                onChange: (p) => set('page', String(p)),
              }}
              renderItem={(e) => (
                <Card size="small" style={{ marginBottom: 8 }}>
                  <Link to={link(e)}>{e.projectName ?? e.title ?? '（未命名）'}</Link>
                  <div>
                    <Space wrap>
                      <Tag>{EVALUATION_STATUS_LABELS[e.status] ?? e.status}</Tag>
                      <span>{e.supervisingDepartment}</span>
                      <span>
                        {e.score ?? '—'} 分 / {e.grade ?? '—'}
                      </span>
                    </Space>
                  </div>
                  <Progress percent={progressPercent(e)} size="small" />
                </Card>
              )}
            />
          ) : (
            <Table<EvaluationSummary>
              rowKey="id"
              size="small"
              dataSource={data.items}
              scroll={{ x: 1000 }}
              pagination={{
                current: page,
                total: data.total,
                pageSize: 20,
                showQuickJumper: true,
                showTotal: (t) => `共 ${t} 个评价`,
                onChange: (p) => set('page', String(p)),
              }}
              columns={[
                {
                  title: '项目名称',
                  key: 'name',
                  fixed: 'left',
                  width: 260,
                  ellipsis: true,
                  render: (_, e) => <Link to={link(e)}>{e.projectName ?? e.title ?? '（未命名）'}</Link>,
                },
                { title: '主管部门', dataIndex: 'supervisingDepartment', width: 180, ellipsis: true },
                { title: '项目单位', dataIndex: 'projectUnit', width: 180, ellipsis: true },
                { title: '年度', key: 'year', width: 70, render: (_, e) => year(e) },
                { title: '分值', dataIndex: 'score', width: 70 },
                { title: '等级', dataIndex: 'grade', width: 60 },
                { title: '问题数', dataIndex: 'findingCount', width: 70 },
                {
                  title: '状态',
                  dataIndex: 'status',
                  width: 80,
                  render: (s: string) => <Tag>{EVALUATION_STATUS_LABELS[s] ?? s}</Tag>,
                },
                {
                  title: '整改进度',
                  key: 'progress',
                  width: 150,
                  render: (_, e) => <Progress percent={progressPercent(e)} size="small" />,
                },
                {
                  title: '下发日期',
                  dataIndex: 'issuedAt',
                  width: 110,
                  render: (v: string | null) => formatDate(v),
                },
              ]}
            />
          )
        }
      </QueryState>
    </>
  );
}
