import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Popconfirm,
  Row,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { del, get, patch, post } from '../../api/http';
import type { EvaluationDetail, FindingView, RecommendationView, SourceText } from '@contracts/api';
import { QueryState } from '../../components/query-state';
import { SourceTextView } from './source-text';

type Editing =
  | { kind: 'finding'; f?: FindingView }
  | { kind: 'rec'; r?: RecommendationView }
  | { kind: 'split'; f: FindingView };

const HEADER: [string, string][] = [
  ['projectName', '项目名称'],
  ['title', '标题'],
  ['organizer', '组织单位'],
  ['supervisingDepartment', '主管部门'],
  ['projectUnit', '项目单位'],
  ['evaluator', '评价机构'],
  ['evaluationPeriod', '评价时间'],
];

export default function DraftPage() {
  const { id = '' } = useParams();
  const client = useQueryClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const detail = useQuery({
    queryKey: ['evaluation', id],
    queryFn: () => get<EvaluationDetail>(`/evaluations/${id}`),
  });
  const source = useQuery({
    queryKey: ['source-text', id],
    queryFn: () => get<SourceText>(`/evaluations/${id}/source-text`),
  });
  const [active, setActive] = useState<number | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [merge, setMerge] = useState<number[]>([]);
  const [error, setError] = useState<string | null>(null);

  const act = async (fn: () => Promise<unknown>, done: string) => {
    setError(null);
    try {
      await fn();
      message.success(done);
      await client.invalidateQueries({ queryKey: ['evaluation', id] });
      await client.invalidateQueries({ queryKey: ['source-text', id] });
      return true;
    } catch (err) {
      setError((err as Error).message);
      return false;
    }
  };

  return (
    <QueryState q={detail} item>
      {(d) => (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
            <Typography.Title level={3} className="page-title">
              校对草稿：{d.evaluation.projectName ?? '（未命名）'}
            </Typography.Title>
            {d.evaluation.status === 'draft' ? (
              <Button type="primary" onClick={() => navigate(`/evaluations/${id}/issue`)}>
                下一步：下发
              </Button>
            ) : (
              <Tag>已下发，不能再修改</Tag>
            )}
          </Space>
          {error && (
            <Alert type="error" showIcon title={error} role="alert" closable onClose={() => setError(null)} />
          )}
          {d.warnings.map((w, i) => (
            <Alert key={i} type="warning" showIcon title={w.message} />
          ))}
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <Card size="small" title="原文（高亮为识别出的问题，蓝色为建议）">
                <QueryState q={source} optional="原文">
                  {(s) =>
                    s.text ? (
                      <SourceTextView source={s} active={active} onPick={setActive} />
                    ) : (
                      <Typography.Text type="secondary">此评价没有可显示的原文（手工创建）</Typography.Text>
                    )
                  }
                </QueryState>
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title="评价信息">
                <Form
                  name="header"
                  layout="vertical"
                  initialValues={d.evaluation}
                  key={d.evaluation.version}
                  onFinish={(v) => void act(() => patch(`/evaluations/${id}`, v), '评价信息已保存')}
                >
                  <Row gutter={8}>
                    {HEADER.map(([k, l]) => (
                      <Col xs={24} sm={12} key={k}>
                        <Form.Item label={l} name={k} style={{ marginBottom: 8 }}>
                          <Input />
                        </Form.Item>
                      </Col>
                    ))}
                    <Col xs={12} sm={6}>
                      <Form.Item label="评价分值" name="score" style={{ marginBottom: 8 }}>
                        <InputNumber min={0} max={100} style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} sm={6}>
                      <Form.Item label="评价等级" name="grade" style={{ marginBottom: 8 }}>
                        <Select
                          allowClear
                          options={['优', '良', '中', '差'].map((g) => ({ value: g, label: g }))}
                        />
                      </Form.Item>
                    </Col>
                  </Row>
                  <Button htmlType="submit">保存评价信息</Button>
                </Form>
              </Card>
              <Card
                size="small"
                title={`问题（${d.findings.length}）`}
                style={{ marginTop: 16 }}
                extra={
                  <Space>
                    <Button
                      size="small"
                      disabled={merge.length < 2}
                      onClick={() =>
                        void act(
                          () => post(`/evaluations/${id}/findings/merge`, { seqs: merge }),
                          '已合并',
                        ).then((ok) => ok && setMerge([]))
                      }
                    >
                      合并所选
                    </Button>
                    <Button size="small" type="primary" onClick={() => setEditing({ kind: 'finding' })}>
                      添加问题
                    </Button>
                  </Space>
                }
              >
                <List
                  dataSource={d.findings}
                  renderItem={(f) => (
                    <List.Item
                      className={active === f.seq ? 'finding-active' : undefined}
                      style={active === f.seq ? { background: '#fffbe6' } : undefined}
                      onClick={() => setActive(f.seq)}
                      actions={[
                        <Button
                          key="e"
                          size="small"
                          type="link"
                          onClick={() => setEditing({ kind: 'finding', f })}
                        >
                          编辑
                        </Button>,
                        <Button
                          key="s"
                          size="small"
                          type="link"
                          onClick={() => setEditing({ kind: 'split', f })}
                        >
                          拆分
                        </Button>,
                        <Popconfirm
                          key="d"
                          title="删除此问题？"
                          okText="删除"
                          cancelText="取消"
                          onConfirm={() =>
                            void act(() => del(`/evaluations/${id}/findings/${f.seq}`), '已删除')
                          }
                        >
                          <Button size="small" type="link" danger>
                            删除
                          </Button>
                        </Popconfirm>,
                      ]}
                    >
                      <Space align="start">
                        <Checkbox
                          aria-label={`选择问题 ${f.seq}`}
                          checked={merge.includes(f.seq)}
                          onChange={(e) =>
                            setMerge((m) => (e.target.checked ? [...m, f.seq] : m.filter((x) => x !== f.seq)))
                          }
                        />
                        <div>
                          <Typography.Text strong className="finding-title">
                            问题 {f.seq}：{f.title}
                          </Typography.Text>
                          <div>
                            <Typography.Text type="secondary">
                              {f.recommendation
                                ? `对应建议 ${f.recommendation.seq}：${f.recommendation.title}`
                                : '未对应建议'}
                            </Typography.Text>
                          </div>
                        </div>
                      </Space>
                    </List.Item>
                  )}
                />
              </Card>
              <Card
                size="small"
                title={`建议（${d.recommendations.length}）`}
                style={{ marginTop: 16 }}
                extra={
                  <Button size="small" onClick={() => setEditing({ kind: 'rec' })}>
                    添加建议
                  </Button>
                }
              >
                <List
                  dataSource={d.recommendations}
                  renderItem={(r) => (
                    <List.Item
                      actions={[
                        <Button
                          key="e"
                          size="small"
                          type="link"
                          onClick={() => setEditing({ kind: 'rec', r })}
                        >
                          编辑
                        </Button>,
                        <Popconfirm
                          key="d"
                          title="删除此建议？"
                          okText="删除"
                          cancelText="取消"
                          onConfirm={() =>
                            void act(() => del(`/evaluations/${id}/recommendations/${r.seq}`), '已删除')
                          }
                        >
                          <Button size="small" type="link" danger>
                            删除
                          </Button>
                        </Popconfirm>,
                      ]}
                    >
                      建议 {r.seq}：{r.title}
                    </List.Item>
                  )}
                />
              </Card>
            </Col>
          </Row>
          {editing && (
            <EditModal
              editing={editing}
              recommendations={d.recommendations}
              onClose={() => setEditing(null)}
              onSave={async (body) => {
                const base = `/evaluations/${id}`;
                const ok =
                  editing.kind === 'finding'
                    ? await act(
                        () =>
                          editing.f
                            ? patch(`${base}/findings/${editing.f.seq}`, body)
                            : post(`${base}/findings`, body),
                        '问题已保存',
                      )
                    : editing.kind === 'rec'
                      ? await act(
                          () =>
                            editing.r
                              ? patch(`${base}/recommendations/${editing.r.seq}`, body)
                              : post(`${base}/recommendations`, body),
                          '建议已保存',
                        )
                      : await act(() => post(`${base}/findings/${editing.f.seq}/split`, body), '已拆分');
                if (ok) setEditing(null);
              }}
            />
          )}
        </Space>
      )}
    </QueryState>
  );
}

function EditModal({
  editing,
  recommendations,
  onClose,
  onSave,
}: {
  editing: Editing;
  recommendations: RecommendationView[];
  onClose: () => void;
  onSave: (body: unknown) => Promise<void>;
}) {
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const initial =
    editing.kind === 'finding'
      ? {
          title: editing.f?.title,
          text: editing.f?.text,
          recommendationSeq: editing.f?.recommendationSeq ?? null,
        }
      : editing.kind === 'rec'
        ? { title: editing.r?.title, text: editing.r?.text }
        : { text: editing.f.text };
  const title =
    editing.kind === 'finding'
      ? editing.f
        ? `编辑问题 ${editing.f.seq}`
        : '添加问题'
      : editing.kind === 'rec'
        ? editing.r
          ? `编辑建议 ${editing.r.seq}`
          : '添加建议'
        : `拆分问题 ${editing.f.seq}`;
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      if (editing.kind === 'split') {
        const parts = String(v.text)
          .split(/\n-{3,}\n/)
          .map((t) => t.trim())
          .filter(Boolean)
          .map((text) => ({ text }));
        await onSave({ parts });
      } else await onSave(v);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={() => void submit()}
      okText="保存"
      cancelText="取消"
      okButtonProps={{ loading: busy }}
      width={720}
      destroyOnHidden
    >
      <Form form={form} name="draft-edit" layout="vertical" initialValues={initial}>
        {editing.kind !== 'split' && (
          <Form.Item label="标题" name="title" rules={[{ required: true, message: '请填写标题' }]}>
            <Input maxLength={500} />
          </Form.Item>
        )}
        <Form.Item
          label={editing.kind === 'split' ? '在要拆开的位置单独一行输入 ---' : '内容'}
          name="text"
          rules={[{ required: true, message: '请填写内容' }]}
        >
          <Input.TextArea rows={8} />
        </Form.Item>
        {editing.kind === 'finding' && (
          <Form.Item label="对应建议" name="recommendationSeq">
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={[
                { value: null, label: '不对应建议' },
                ...recommendations.map((r) => ({ value: r.seq, label: `建议 ${r.seq}：${r.title}` })),
              ]}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
