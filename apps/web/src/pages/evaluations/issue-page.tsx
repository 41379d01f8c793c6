import { useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Form,
  InputNumber,
  List,
  Result,
  Select,
  Skeleton,
  Space,
  Steps,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import type { PolicyDefaults } from '@contracts/api';
import { ApiError, get, post } from '../../api/http';
import type { EvaluationDetail, UnitResponse as Unit } from '@contracts/api';
import { policyDefaultsQuery } from '../../api/policy-defaults';
import { QueryState } from '../../components/query-state';
import { dayjs, today } from '../../format';
import { DEADLINE_KIND_LABELS, RECTIFICATION_TYPES, TYPE_LABELS, UNIT_KIND_LABELS } from '../../labels';

interface DryRun {
  dryRun: true;
  workflows: number;
  pastDeadlines: number;
  provisionalDeadlines: number;
  warnings: string[];
  findings: {
    seq: number;
    title: string;
    unitId: number;
    unitName: string;
    deadline: { date: string; provisional: boolean; past: boolean };
    reminders: { offsetDays: number; plannedDate: string; skipped: boolean }[];
    rungs: { level: number; label: string; plannedDate: string }[];
  }[];
}

interface IssueResult {
  evaluationId: string;
  rectifications: { id: string; findingSeq: number; unitId: number; deadline: string }[];
}

let supported: Promise<boolean> | null = null;
/** Whether POST /evaluations/:id/issue documents the dryRun parameter (OpenAPI at /api/docs-json). */
function previewSupported(): Promise<boolean> {
  supported ??= fetch('/api/docs-json', { headers: { Accept: 'application/json' } })
    .then((r) => (r.ok ? r.json() : null))
    .then((doc) => {
      const op = doc?.paths?.['/api/v1/evaluations/{id}/issue']?.post;
      return JSON.stringify(op?.parameters ?? []).includes('"dryRun"');
    })
    .catch(() => false);
  return supported;
}

const offsets = (v: unknown): number[] =>
  (Array.isArray(v) ? v.map(String) : String(v ?? '').split(/[,，\s]+/))
    .map((x) => Number(x.trim()))
    .filter((n) => Number.isInteger(n) && n >= 0);

export default function IssuePage() {
  const { id = '' } = useParams();
  const detail = useQuery({
    queryKey: ['evaluation', id],
    queryFn: () => get<EvaluationDetail>(`/evaluations/${id}`),
  });
  const units = useQuery({ queryKey: ['units'], queryFn: () => get<Unit[] | { items: Unit[] }>('/units') });
  // The policy fields start from the bureau's defaults (默认整改政策); the form is built once they are known.
  const defaults = useQuery(policyDefaultsQuery);
  return (
    <QueryState q={detail} item>
      {(d) =>
        defaults.isPending ? (
          <Skeleton active paragraph={{ rows: 4 }} />
        ) : (
          <Wizard
            d={d}
            defaults={defaults.data?.defaults ?? null}
            units={(Array.isArray(units.data) ? units.data : (units.data?.items ?? [])).filter(
              (u) => u.kind !== 'bureau' && u.active !== false,
            )}
          />
        )
      }
    </QueryState>
  );
}

function Wizard({
  d,
  units,
  defaults,
}: {
  d: EvaluationDetail;
  units: Unit[];
  /** null: the server's defaults could not be read — fields left alone are not sent, the server applies its own. */
  defaults: PolicyDefaults | null;
}) {
  const id = d.evaluation.id;
  const [form] = Form.useForm();
  const [step, setStep] = useState(0);
  const [overrides, setOverrides] = useState<Record<number, number | undefined>>({});
  const [preview, setPreview] = useState<DryRun | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [ack, setAck] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<IssueResult | null>(null);
  const client = useQueryClient();
  const { modal } = App.useApp();
  const unitName = useMemo(() => new Map(units.map((u) => [u.id, u.name])), [units]);
  const options = units.map((u) => ({
    value: u.id,
    label: `${u.name}（${UNIT_KIND_LABELS[u.kind] ?? u.kind}）`,
  }));

  const sent = (field: string) => defaults !== null || form.isFieldTouched(field);
  const body = () => {
    const v = form.getFieldsValue(true);
    const kind = v.deadlineKind as string;
    return {
      deliveryDate: (v.deliveryDate as Dayjs).format('YYYY-MM-DD'),
      unitId: v.unitId,
      type: v.type,
      deadlineRule:
        kind === 'date'
          ? { kind, date: (v.deadlineDate as Dayjs)?.format('YYYY-MM-DD') }
          : { kind, days: v.days },
      overrides: Object.entries(overrides)
        .filter(([, u]) => u && u !== v.unitId)
        .map(([seq, unitId]) => ({ seq: Number(seq), unitId })),
      policy: {
        ...(sent('requirePlanApproval') ? { requirePlanApproval: v.requirePlanApproval } : {}),
        ...(sent('reminders') ? { reminderOffsetsDays: offsets(v.reminders) } : {}),
        ...(sent('escalations') ? { escalationOffsetsDays: offsets(v.escalations) } : {}),
      },
    };
  };
  const unitOf = (seq: number) => overrides[seq] ?? form.getFieldValue('unitId');

  const runPreview = async () => {
    setPreview(null);
    setPreviewError(null);
    // A server without the preview ignores ?dryRun and would really issue: ask its API description first.
    if (!(await previewSupported())) {
      setPreviewError('时限预览暂不可用，将按所选规则由服务端计算');
      return;
    }
    try {
      setPreview(await post<DryRun>(`/evaluations/${id}/issue?dryRun=true`, body()));
    } catch (err) {
      // Before the preview route is merged the server refuses the parameter; the wizard goes on without it.
      setPreviewError(
        err instanceof ApiError && [400, 404].includes(err.status)
          ? '时限预览暂不可用，将按所选规则由服务端计算'
          : (err as Error).message,
      );
    }
  };

  const confirm = () => {
    const n = d.findings.length;
    const byUnit = new Map<string, number>();
    for (const f of d.findings) {
      const name = unitName.get(unitOf(f.seq)) ?? '（未选择）';
      byUnit.set(name, (byUnit.get(name) ?? 0) + 1);
    }
    modal.confirm({
      title: '确认下发',
      content: (
        <div>
          <p>
            将启动 <strong className="confirm-count">{n}</strong> 个整改流程：
          </p>
          <ul>
            {[...byUnit].map(([u, c]) => (
              <li key={u}>
                {u}：{c} 项
              </li>
            ))}
          </ul>
          <p>下发后不能修改草稿。</p>
        </div>
      ),
      okText: '确认下发',
      cancelText: '取消',
      onOk: async () => {
        setBusy(true);
        setError(null);
        try {
          const b = {
            ...body(),
            ...(preview && preview.pastDeadlines > 0 ? { acknowledgePastDeadlines: ack } : {}),
          };
          setResult(await post<IssueResult>(`/evaluations/${id}/issue`, b));
          void client.invalidateQueries({ queryKey: ['evaluation', id] });
        } catch (err) {
          setError(err as ApiError);
        } finally {
          setBusy(false);
        }
      },
    });
  };

  if (result) {
    const title = new Map(d.findings.map((f) => [f.seq, f.title]));
    return (
      <Result
        status="success"
        title="下发成功"
        subTitle={`已启动 ${result.rectifications.length} 个整改流程`}
        extra={<Link to={`/rectifications?evaluationId=${id}`}>在台账中查看</Link>}
      >
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={result.rectifications}
          columns={[
            {
              title: '问题',
              key: 't',
              render: (_, r) => (
                <Link
                  to={`/rectifications/${encodeURIComponent(r.id)}`}
                >{`问题 ${r.findingSeq}：${title.get(r.findingSeq) ?? ''}`}</Link>
              ),
            },
            { title: '责任单位', key: 'u', render: (_, r) => unitName.get(r.unitId) ?? r.unitId },
            { title: '整改时限', dataIndex: 'deadline' },
          ]}
        />
      </Result>
    );
  }

  if (d.evaluation.status !== 'draft')
    return <Alert type="info" title="此评价已下发" action={<Link to={`/evaluations/${id}`}>查看</Link>} />;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} className="page-title">
        下发评价结果
      </Typography.Title>
      <Typography.Text type="secondary">{d.evaluation.projectName}</Typography.Text>
      <Steps
        current={step}
        size="small"
        responsive
        items={[{ title: '责任单位' }, { title: '时限与策略' }, { title: '预览与确认' }]}
      />
      {error && <Alert type="error" showIcon role="alert" title={error.message} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          deliveryDate: dayjs(today()),
          type: 'deadline',
          deadlineKind: 'working_days',
          days: 20,
          requirePlanApproval: defaults?.requirePlanApproval ?? true,
          reminders: defaults?.reminderOffsetsDays.map(String) ?? [],
          escalations: defaults?.escalationOffsetsDays.map(String) ?? [],
        }}
      >
        <Card size="small" hidden={step !== 0}>
          <Form.Item label="责任单位" name="unitId" rules={[{ required: true, message: '请选择责任单位' }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={options} aria-label="责任单位" />
          </Form.Item>
          <Form.Item label="整改类型" name="type">
            <Select options={RECTIFICATION_TYPES.map((t) => ({ value: t, label: TYPE_LABELS[t] }))} />
          </Form.Item>
          <Typography.Text strong>各问题的责任单位（不选则为上面的责任单位）</Typography.Text>
          <List
            size="small"
            dataSource={d.findings}
            renderItem={(f) => (
              <List.Item>
                <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
                  <span>
                    问题 {f.seq}：{f.title}
                  </span>
                  <Select
                    allowClear
                    placeholder="同上"
                    style={{ width: 240, maxWidth: '80vw' }}
                    options={options}
                    value={overrides[f.seq]}
                    aria-label={`问题 ${f.seq} 的责任单位`}
                    onChange={(v) => setOverrides((o) => ({ ...o, [f.seq]: v }))}
                  />
                </Space>
              </List.Item>
            )}
          />
        </Card>
        <Card size="small" hidden={step !== 1}>
          <Form.Item label="送达日" name="deliveryDate" rules={[{ required: true, message: '请选择送达日' }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item label="时限规则" name="deadlineKind">
            <Select
              options={Object.entries(DEADLINE_KIND_LABELS).map(([value, label]) => ({ value, label }))}
              aria-label="时限规则"
            />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.deadlineKind !== b.deadlineKind}>
            {({ getFieldValue }) =>
              getFieldValue('deadlineKind') === 'date' ? (
                <Form.Item
                  label="整改时限"
                  name="deadlineDate"
                  rules={[{ required: true, message: '请选择日期' }]}
                >
                  <DatePicker />
                </Form.Item>
              ) : (
                <Form.Item label="天数" name="days" rules={[{ required: true, message: '请填写天数' }]}>
                  <InputNumber min={1} max={3650} />
                </Form.Item>
              )
            }
          </Form.Item>
          {defaults ? (
            <Typography.Paragraph type="secondary">
              以下提醒、升级和审核要求已按默认整改政策预填，可为本次下发逐项修改。
            </Typography.Paragraph>
          ) : (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title="默认整改政策暂不可用：未填写的提醒、升级和审核要求按服务端默认执行"
            />
          )}
          <Form.Item label="到期前提醒（天，逗号分隔）" name="reminders">
            <Select mode="tags" tokenSeparators={[',', '，']} open={false} aria-label="到期前提醒" />
          </Form.Item>
          <Form.Item label="逾期后升级（天，依次为提醒函、督办、约谈、通报）" name="escalations">
            <Select mode="tags" tokenSeparators={[',', '，']} open={false} aria-label="逾期后升级" />
          </Form.Item>
          <Form.Item label="整改方案须经审核" name="requirePlanApproval" valuePropName="checked">
            <Switch />
          </Form.Item>
        </Card>
        <Card size="small" hidden={step !== 2} title="时限预览">
          {previewError && <Alert type="info" showIcon title={previewError} />}
          {!preview && !previewError && <Typography.Text>正在计算…</Typography.Text>}
          {preview && (
            <>
              {preview.warnings.map((w) => (
                <Alert key={w} type="warning" showIcon title={w} style={{ marginBottom: 8 }} />
              ))}
              {preview.pastDeadlines > 0 && (
                <Alert
                  type="error"
                  showIcon
                  style={{ marginBottom: 8 }}
                  title={`有 ${preview.pastDeadlines} 项时限已过，下发后将立即逾期并进入督办`}
                  description={
                    <Checkbox checked={ack} onChange={(e) => setAck(e.target.checked)}>
                      我已知晓并确认按此时限下发
                    </Checkbox>
                  }
                />
              )}
              <Table
                size="small"
                rowKey="seq"
                pagination={false}
                scroll={{ x: 'max-content' }}
                dataSource={preview.findings}
                columns={[
                  { title: '问题', key: 't', render: (_, f) => `问题 ${f.seq}：${f.title}` },
                  { title: '责任单位', dataIndex: 'unitName' },
                  {
                    title: '整改时限',
                    key: 'd',
                    render: (_, f) => (
                      <Space>
                        {f.deadline.date}
                        {f.deadline.past && <Tag color="red">已过期</Tag>}
                        {f.deadline.provisional && <Tag color="gold">暂定</Tag>}
                      </Space>
                    ),
                  },
                  {
                    title: '提醒',
                    key: 'r',
                    render: (_, f) =>
                      f.reminders
                        .filter((r) => !r.skipped)
                        .map((r) => r.plannedDate)
                        .join('、') || '—',
                  },
                  {
                    title: '督办',
                    key: 'g',
                    render: (_, f) => f.rungs.map((r) => `${r.label} ${r.plannedDate}`).join('；'),
                  },
                ]}
              />
            </>
          )}
        </Card>
      </Form>
      <Space>
        {step > 0 && <Button onClick={() => setStep(step - 1)}>上一步</Button>}
        {step < 2 && (
          <Button
            type="primary"
            onClick={async () => {
              await form.validateFields();
              if (step === 1) void runPreview();
              setStep(step + 1);
            }}
          >
            下一步
          </Button>
        )}
        {step === 2 && (
          <Button
            type="primary"
            loading={busy}
            disabled={!!preview && preview.pastDeadlines > 0 && !ack}
            onClick={confirm}
          >
            确认下发
          </Button>
        )}
      </Space>
    </Space>
  );
}
