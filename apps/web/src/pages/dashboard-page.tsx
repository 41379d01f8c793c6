import { Card, Col, Row, Statistic, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type {
  AgeingBucket,
  DashboardSummary,
  GradeRow,
  RungRow,
  UnitCompletionRow,
  WeeklyClosures,
} from '@contracts/api';
import { get, queryString, type Query } from '../api/http';
import { Chart } from '../components/chart';
import { QueryState } from '../components/query-state';
import { percent } from '../format';

const OPEN = 'issued,acknowledged,plan_submitted,in_progress,submitted,ongoing';

function useDash<T>(path: string) {
  return useQuery({
    queryKey: ['dashboard', path],
    queryFn: () => get<T>(`/dashboard/${path}`),
    refetchInterval: 60_000,
  });
}

export default function DashboardPage() {
  const navigate = useNavigate();
  const ledger = (q: Query) => navigate(`/rectifications${queryString(q)}`);
  const summary = useDash<DashboardSummary>('summary');
  const byUnit = useDash<UnitCompletionRow[]>('by-unit');
  const ageing = useDash<AgeingBucket[]>('ageing');
  const rungs = useDash<RungRow[]>('rungs');
  const grades = useDash<GradeRow[]>('grades');
  const weekly = useDash<WeeklyClosures[]>('closures-weekly');

  return (
    <>
      <Typography.Title level={3} className="page-title">
        工作台
      </Typography.Title>
      <QueryState q={summary}>
        {(s) => {
          const stats: { title: string; value: number; q: Query; danger?: boolean }[] = [
            { title: '在办事项', value: s.open, q: { status: OPEN } },
            { title: '已逾期', value: s.overdue, q: { status: OPEN, overdue: 'true' }, danger: true },
            {
              title: '待审核（方案待审＋待认定）',
              value: s.awaitingReview.total,
              q: { status: 'plan_submitted,submitted' },
            },
            {
              title: '7 日内到期',
              value: s.dueIn7Days,
              q: { status: OPEN, deadlineFrom: s.dueWithin.from, deadlineTo: s.dueWithin.to },
            },
            { title: '本月销号', value: s.closedThisMonth, q: { status: 'closed' } },
          ];
          return (
            <Row gutter={[12, 12]}>
              {stats.map((x) => (
                <Col key={x.title} xs={12} sm={8} lg={{ flex: '20%' }}>
                  <Card
                    size="small"
                    hoverable
                    className="stat-link"
                    onClick={() => ledger(x.q)}
                    role="link"
                    aria-label={`${x.title} ${x.value}`}
                  >
                    <Statistic
                      title={x.title}
                      value={x.value}
                      styles={{ content: x.danger && x.value ? { color: '#cf1322' } : undefined }}
                    />
                  </Card>
                </Col>
              ))}
            </Row>
          );
        }}
      </QueryState>
      <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
        <Col xs={24} lg={12}>
          <Card size="small" title="各单位整改完成率">
            <QueryState q={byUnit}>
              {(rows) =>
                rows.length === 0 ? (
                  <Typography.Text type="secondary">暂无整改事项</Typography.Text>
                ) : (
                  <Chart
                    label="各单位整改完成率"
                    height={Math.max(200, rows.length * 36)}
                    onClick={(i) => ledger({ unitId: rows[i].unitId })}
                    option={{
                      tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${v}%` },
                      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
                      xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
                      yAxis: {
                        type: 'category',
                        data: rows.map((r) => r.unitName),
                        axisLabel: { width: 110, overflow: 'truncate' },
                      },
                      series: [
                        {
                          type: 'bar',
                          data: rows.map((r) => Math.round((r.completionRate ?? 0) * 1000) / 10),
                          itemStyle: { color: '#52c41a' },
                        },
                      ],
                    }}
                  />
                )
              }
            </QueryState>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title="逾期账龄">
            <QueryState q={ageing}>
              {(rows) => (
                <Chart
                  label="逾期账龄分布"
                  onClick={(i) =>
                    ledger({
                      status: OPEN,
                      overdue: 'true',
                      deadlineFrom: rows[i].deadlineFrom,
                      deadlineTo: rows[i].deadlineTo,
                    })
                  }
                  option={{
                    tooltip: { trigger: 'axis' },
                    grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
                    xAxis: { type: 'category', data: rows.map((r) => r.label) },
                    yAxis: { type: 'value', minInterval: 1 },
                    series: [
                      { type: 'bar', data: rows.map((r) => r.count), itemStyle: { color: '#ff4d4f' } },
                    ],
                  }}
                />
              )}
            </QueryState>
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title="当前督办级别">
            <QueryState q={rungs}>
              {(rows) => (
                <Chart
                  label="当前督办级别分布"
                  onClick={(i) => ledger({ status: OPEN, escalationLevel: rows[i].level })}
                  option={{
                    tooltip: { trigger: 'axis' },
                    grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
                    xAxis: { type: 'category', data: rows.map((r) => r.label) },
                    yAxis: { type: 'value', minInterval: 1 },
                    series: [
                      { type: 'bar', data: rows.map((r) => r.count), itemStyle: { color: '#fa8c16' } },
                    ],
                  }}
                />
              )}
            </QueryState>
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title="评价等级分布">
            <QueryState q={grades}>
              {(rows) => (
                <Chart
                  label="已下发评价按等级分布"
                  onClick={() => navigate('/evaluations')}
                  option={{
                    tooltip: { trigger: 'item' },
                    legend: { bottom: 0 },
                    series: [
                      {
                        type: 'pie',
                        radius: ['35%', '65%'],
                        data: rows.filter((r) => r.count > 0).map((r) => ({ name: r.grade, value: r.count })),
                      },
                    ],
                  }}
                />
              )}
            </QueryState>
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title="每周销号趋势">
            <QueryState q={weekly}>
              {(rows) => (
                <Chart
                  label="每周销号数"
                  onClick={() => ledger({ status: 'closed' })}
                  option={{
                    tooltip: { trigger: 'axis' },
                    grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
                    xAxis: { type: 'category', data: rows.map((r) => r.weekStart.slice(5)) },
                    yAxis: { type: 'value', minInterval: 1 },
                    series: [{ type: 'line', smooth: true, data: rows.map((r) => r.count), areaStyle: {} }],
                  }}
                />
              )}
            </QueryState>
          </Card>
        </Col>
      </Row>
      <Card size="small" title="各单位明细" style={{ marginTop: 12 }}>
        <QueryState q={byUnit}>
          {(rows) => (
            <Table<UnitCompletionRow>
              size="small"
              rowKey="unitId"
              dataSource={rows}
              pagination={false}
              scroll={{ x: 'max-content' }}
              onRow={(r) => ({ onClick: () => ledger({ unitId: r.unitId }), className: 'stat-link' })}
              columns={[
                { title: '责任单位', dataIndex: 'unitName', fixed: 'left' },
                { title: '事项', dataIndex: 'total' },
                { title: '在办', dataIndex: 'open' },
                { title: '逾期', dataIndex: 'overdue' },
                { title: '已销号', dataIndex: 'closed' },
                { title: '完成率', dataIndex: 'completionRate', render: (v: number | null) => percent(v) },
              ]}
            />
          )}
        </QueryState>
      </Card>
    </>
  );
}
