import { Alert, Button, Card, Descriptions, List, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { get } from '../../api/http';
import { useSession } from '../../api/session';
import type { EvaluationDetail } from '@contracts/api';
import { QueryState } from '../../components/query-state';
import { ReportDownloadButton } from '../../components/report-download-button';
import { formatDate } from '../../format';
import { EVALUATION_STATUS_LABELS, STATUS_LABELS } from '../../labels';

const money = (v: number | null) =>
  v === null || v === undefined ? '—' : `${v.toLocaleString('zh-CN')} 万元`;

export default function EvaluationPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { can } = useSession();
  const q = useQuery({
    queryKey: ['evaluation', id],
    queryFn: () => get<EvaluationDetail>(`/evaluations/${id}`),
  });
  return (
    <QueryState q={q} item>
      {(d) => {
        const e = d.evaluation;
        return (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Typography.Title level={3} className="page-title">
              评价信息
            </Typography.Title>
            <Space wrap>
              <Tag>{EVALUATION_STATUS_LABELS[e.status] ?? e.status}</Tag>
              {e.status === 'draft' && can('editEvaluations') && (
                <>
                  <Button onClick={() => navigate(`/evaluations/${id}/draft`)}>校对草稿</Button>
                  <Button type="primary" onClick={() => navigate(`/evaluations/${id}/issue`)}>
                    下发
                  </Button>
                </>
              )}
              {e.status !== 'draft' && (
                <Link to={`/rectifications?evaluationId=${id}`}>在台账中查看本评价的整改事项</Link>
              )}
              {e.status !== 'draft' && (
                <ReportDownloadButton
                  path={`/evaluations/${encodeURIComponent(id)}/rectification-report.docx`}
                />
              )}
            </Space>
            <Card size="small">
              <Descriptions
                size="small"
                column={{ xs: 1, sm: 2, lg: 3 }}
                items={[
                  { label: '项目名称', children: e.projectName ?? '—' },
                  { label: '标题', children: e.title ?? '—' },
                  { label: '组织单位', children: e.organizer ?? '—' },
                  { label: '主管部门', children: e.supervisingDepartment ?? '—' },
                  { label: '项目单位', children: e.projectUnit ?? '—' },
                  { label: '项目起止时间', children: e.projectPeriod ?? '—' },
                  { label: '评价机构', children: e.evaluator ?? '—' },
                  { label: '评价时间', children: e.evaluationPeriod ?? '—' },
                  { label: '评价分值/等级', children: `${e.score ?? '—'} / ${e.grade ?? '—'}` },
                  { label: '预算', children: money(e.budget) },
                  { label: '到位', children: money(e.allocated) },
                  { label: '支出', children: money(e.spent) },
                  { label: '执行率', children: e.executionRate === null ? '—' : `${e.executionRate}%` },
                  { label: '下发日期', children: formatDate(e.issuedAt) },
                ]}
              />
            </Card>
            {d.warnings.map((w, i) => (
              <Alert key={i} type="warning" showIcon title={w.message} />
            ))}
            <Card size="small" title={`问题与建议（${d.findings.length}）`}>
              <List
                dataSource={d.findings}
                renderItem={(f) => (
                  <List.Item>
                    <Space orientation="vertical" style={{ width: '100%' }}>
                      <Space wrap>
                        <Typography.Text strong>
                          问题 {f.seq}：{f.title}
                        </Typography.Text>
                        {f.rectification && (
                          <Link to={`/rectifications/${encodeURIComponent(f.rectification.id)}`}>
                            <Tag color="blue">
                              {STATUS_LABELS[f.rectification.status as 'issued'] ?? f.rectification.status}
                            </Tag>
                          </Link>
                        )}
                        {f.repeatOf && <Tag color="red">屡查屡犯</Tag>}
                      </Space>
                      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                        {f.text}
                      </Typography.Paragraph>
                      {f.recommendation && (
                        <Typography.Text type="secondary">
                          建议 {f.recommendation.seq}：{f.recommendation.title} {f.recommendation.text}
                        </Typography.Text>
                      )}
                    </Space>
                  </List.Item>
                )}
              />
            </Card>
          </Space>
        );
      }}
    </QueryState>
  );
}
