import {
  Alert,
  Card,
  Col,
  Descriptions,
  Empty,
  List,
  Row,
  Space,
  Steps,
  Table,
  Tabs,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { get } from '../../api/http';
import type { RectificationDetail } from '@contracts/api';
import { QueryState } from '../../components/query-state';
import { RungTag, StatusTag } from '../../components/status-tag';
import { formatDate, formatDateTime } from '../../format';
import {
  ESCALATION_LABELS,
  label,
  REVIEW_LABELS,
  STATUS_LABELS,
  TIMELINE_LABELS,
  TYPE_LABELS,
} from '../../labels';
import { EvidencePanel } from './evidence-panel';
import { ItemActions } from './item-actions';
import { LettersPanel } from './letters-panel';

/** Where an item stands on the main path; 持续整改 sits with 整改中, 已撤销 ends it. */
const PATH = ['issued', 'acknowledged', 'plan_submitted', 'in_progress', 'submitted', 'closed'] as const;

function ItemSteps({ d }: { d: RectificationDetail }) {
  const at =
    d.status === 'ongoing'
      ? 3
      : d.status === 'cancelled'
        ? -1
        : PATH.indexOf(d.status as (typeof PATH)[number]);
  return (
    <Steps
      size="small"
      current={at < 0 ? 0 : at}
      status={d.status === 'cancelled' ? 'error' : d.status === 'closed' ? 'finish' : 'process'}
      responsive
      items={PATH.map((s) => ({
        title: s === 'in_progress' && d.status === 'ongoing' ? STATUS_LABELS.ongoing : STATUS_LABELS[s],
      }))}
    />
  );
}

function payloadText(p: Record<string, unknown>): string {
  const parts: string[] = [];
  // 回头看认定 carries its outcome's label (巩固 / 反弹) from the server.
  if (typeof p.outcome === 'string' && typeof p.label === 'string') parts.push(`结论：${p.label}`);
  for (const k of ['comment', 'reason', 'account', 'content', 'description', 'note'])
    if (typeof p[k] === 'string') parts.push(p[k] as string);
  if (typeof p.result === 'string') parts.push(`认定：${label(REVIEW_LABELS, p.result)}`);
  if (typeof p.level === 'number' && p.level > 0)
    parts.push(String(p.label ?? ESCALATION_LABELS[p.level as 1]));
  if (typeof p.type === 'string') parts.push(label(TYPE_LABELS, p.type));
  return parts.join('；');
}

function Body({ d }: { d: RectificationDetail }) {
  const s = d.state;
  const tabs = [
    {
      key: 'finding',
      label: '问题与建议',
      children: (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{d.finding.text}</Typography.Paragraph>
          {d.recommendation && (
            <Alert
              type="info"
              title={`建议 ${d.recommendation.seq}：${d.recommendation.title}`}
              description={d.recommendation.text}
            />
          )}
        </Space>
      ),
    },
    {
      key: 'deadlines',
      label: `时限（${s.deadlines.length}）`,
      children: (
        <Table
          size="small"
          rowKey="version"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={s.deadlines}
          columns={[
            { title: '版本', dataIndex: 'version' },
            { title: '时限', dataIndex: 'date' },
            {
              title: '来源',
              dataIndex: 'reason',
              render: (v: string) => (v === 'extension' ? '延期' : '下发'),
            },
            { title: '设定时间', dataIndex: 'setAt', render: (v?: string) => formatDateTime(v) },
          ]}
        />
      ),
    },
    {
      key: 'plans',
      label: `整改方案（${s.plans.length}）`,
      children: s.plans.length ? (
        <List
          dataSource={[...s.plans].reverse()}
          renderItem={(p) => (
            <List.Item>
              <Space orientation="vertical" style={{ width: '100%' }}>
                <span>
                  第 {p.version} 版 · 责任人 {p.responsiblePerson} · {formatDateTime(p.submittedAt)}{' '}
                  {p.decision && (
                    <Tag color={p.decision.approved ? 'success' : 'error'}>
                      {p.decision.approved ? '已批准' : '已退回'}
                      {p.decision.comment ? `：${p.decision.comment}` : ''}
                    </Tag>
                  )}
                </span>
                <ol style={{ margin: 0 }}>
                  {p.measures.map((m, i) => (
                    <li key={i}>
                      {m.content}（{m.targetDate} 前）
                    </li>
                  ))}
                </ol>
              </Space>
            </List.Item>
          )}
        />
      ) : (
        <Empty description="尚未提交整改方案" />
      ),
    },
    { key: 'evidence', label: '佐证材料', children: <EvidencePanel id={d.id} /> },
    {
      key: 'reviews',
      label: `提交与认定（${s.submissions.length}）`,
      children: s.submissions.length ? (
        <List
          dataSource={[...s.submissions].reverse()}
          renderItem={(sub) => {
            const review = s.reviews.find((r) => r.submissionId === sub.id);
            return (
              <List.Item>
                <Space orientation="vertical">
                  <span>
                    {sub.by?.name} 于 {formatDateTime(sub.at)} 提交：{sub.account}
                  </span>
                  {review ? (
                    <span>
                      认定：<Tag>{REVIEW_LABELS[review.result]}</Tag>
                      {review.comment} — {review.by?.name} {formatDateTime(review.at)}
                    </span>
                  ) : (
                    <Tag color="orange">待认定</Tag>
                  )}
                </Space>
              </List.Item>
            );
          }}
        />
      ) : (
        <Empty description="尚未提交整改情况" />
      ),
    },
    { key: 'letters', label: '督办文书', children: <LettersPanel id={d.id} /> },
  ];
  return <Tabs items={tabs} />;
}

export default function ItemPage() {
  const { id = '' } = useParams();
  const q = useQuery({
    queryKey: ['item', id],
    queryFn: () => get<RectificationDetail>(`/rectifications/${encodeURIComponent(id)}`),
    // Someone else may act (the bureau reviews, a timer escalates): keep the page current.
    refetchInterval: 10_000,
  });
  return (
    <QueryState q={q} item>
      {(d) => (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Title level={3} className="page-title">
            问题 {d.finding.seq}：{d.finding.title}
          </Typography.Title>
          <Space wrap>
            <StatusTag status={d.status} label={d.statusLabel} />
            <Tag>{d.typeLabel}</Tag>
            {d.overdue && <Tag color="red">逾期 {d.overdueDays} 天</Tag>}
            <RungTag level={d.escalationLevel} label={d.escalationLabel} />
            {d.deadline.provisional && <Tag color="gold">时限为暂定（节假日安排未公布）</Tag>}
          </Space>
          <ItemSteps d={d} />
          {d.warnings.map((w) => (
            <Alert key={w.code} type="warning" showIcon title={w.message} />
          ))}
          <ItemActions detail={d} />
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={16}>
              <Card size="small">
                <Descriptions
                  size="small"
                  column={{ xs: 1, sm: 2 }}
                  items={[
                    { label: '责任单位', children: d.unit.name ?? '—' },
                    {
                      label: '整改时限',
                      children: `${d.deadline.current}${d.deadline.current !== d.deadline.original ? `（原 ${d.deadline.original}）` : ''}`,
                    },
                    {
                      label: '评价项目',
                      children: (
                        <Link to={`/evaluations/${d.evaluation.id}`}>
                          {d.evaluation.projectName ?? d.evaluation.title ?? '—'}
                        </Link>
                      ),
                    },
                    {
                      label: '评价分值/等级',
                      children: `${d.evaluation.score ?? '—'} / ${d.evaluation.grade ?? '—'}`,
                    },
                    { label: '下发日期', children: formatDate(d.state.issuedAt) },
                    { label: '签收时间', children: formatDateTime(d.state.acknowledgedAt) },
                  ]}
                />
                <Body d={d} />
              </Card>
            </Col>
            <Col xs={24} lg={8}>
              <Card size="small" title="时间线">
                <Timeline
                  className="timeline"
                  items={[...d.timeline].reverse().map((e) => ({
                    key: e.seq,
                    color: e.action === 'escalation' || e.action === 'overdue' ? 'red' : 'blue',
                    content: (
                      <div>
                        <Typography.Text strong>{label(TIMELINE_LABELS, e.action)}</Typography.Text>{' '}
                        <Typography.Text type="secondary">
                          {e.actorName} · {formatDateTime(e.occurredAt)}
                        </Typography.Text>
                        {payloadText(e.payload) && (
                          <div style={{ overflowWrap: 'anywhere' }}>{payloadText(e.payload)}</div>
                        )}
                        {typeof e.payload.reboundRectificationId === 'string' && (
                          <Link
                            to={`/rectifications/${encodeURIComponent(e.payload.reboundRectificationId)}`}
                          >
                            查看重新整改事项
                          </Link>
                        )}
                      </div>
                    ),
                  }))}
                />
              </Card>
            </Col>
          </Row>
        </Space>
      )}
    </QueryState>
  );
}
