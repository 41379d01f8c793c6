import { useEffect, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Space,
  Switch,
  Typography,
} from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  POLICY_DEFAULTS_SOURCE_LABELS,
  type PolicyDefaults,
  type PolicyDefaultsResponse,
} from '@contracts/api';
import { put } from '../../api/http';
import { policyDefaultsQuery } from '../../api/policy-defaults';
import { useSession } from '../../api/session';
import { QueryState } from '../../components/query-state';
import { formatDateTime } from '../../format';
import { ESCALATION_LABELS } from '../../labels';

const RUNGS = [1, 2, 3, 4] as const;

interface Values {
  requirePlanApproval: boolean;
  reminders: string;
  rungs: (number | null)[];
  maxExtensions: number | null;
  progressReportIntervalDays: number | null;
}

/** "7，3, 1" → [7, 3, 1]; what is not a number is kept as NaN so the server names the problem. */
const days = (s: string): number[] =>
  s
    .split(/[,，、\s]+/)
    .filter(Boolean)
    .map(Number);

const toValues = (d: PolicyDefaults): Values => ({
  requirePlanApproval: d.requirePlanApproval,
  reminders: d.reminderOffsetsDays.join(', '),
  rungs: [...d.escalationOffsetsDays],
  maxExtensions: d.maxExtensions,
  progressReportIntervalDays: d.progressReportIntervalDays,
});

/**
 * 默认整改政策: what 下发 uses when the wizard does not say otherwise. The administrator edits it; the other bureau
 * roles read it. The rules (reminders decreasing, rungs increasing…) are the server's: a refusal shows its reason.
 */
export default function PolicyDefaultsPage() {
  const q = useQuery(policyDefaultsQuery);
  return (
    <>
      <Typography.Title level={3} className="page-title">
        默认整改政策
      </Typography.Title>
      <QueryState q={q} optional="默认整改政策">
        {(data) => <Editor data={data} />}
      </QueryState>
    </>
  );
}

function Editor({ data }: { data: PolicyDefaultsResponse }) {
  const editable = useSession().can('editPolicyDefaults');
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const client = useQueryClient();
  const { message } = App.useApp();
  useEffect(() => form.setFieldsValue(toValues(data.defaults)), [data, form]);

  const save = async (v: Values) => {
    setError(null);
    setSaving(true);
    try {
      const body: PolicyDefaults = {
        requirePlanApproval: v.requirePlanApproval,
        reminderOffsetsDays: days(v.reminders ?? ''),
        escalationOffsetsDays: v.rungs.map((d) => d ?? NaN),
        maxExtensions: v.maxExtensions ?? NaN,
        progressReportIntervalDays: v.progressReportIntervalDays ?? null,
      };
      const saved = await put<PolicyDefaultsResponse>('/admin/policy-defaults', body);
      client.setQueryData(policyDefaultsQuery.queryKey, saved);
      message.success('默认整改政策已保存，此后下发的评价按此执行');
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small" title="当前来源">
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 1, md: 3 }}
          items={[
            { key: 'source', label: '来源', children: POLICY_DEFAULTS_SOURCE_LABELS[data.source] },
            {
              key: 'by',
              label: '最后修改人',
              children: data.updatedBy ? `${data.updatedBy.displayName}（${data.updatedBy.username}）` : '—',
            },
            { key: 'at', label: '最后修改时间', children: formatDateTime(data.updatedAt) },
          ]}
        />
      </Card>
      <Card size="small" title="默认值（下发时可逐项另行设置）">
        {!editable && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title="仅财政局管理员可修改默认整改政策，您可以查看。"
          />
        )}
        {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
        <Form
          form={form}
          layout="vertical"
          disabled={!editable}
          initialValues={toValues(data.defaults)}
          onFinish={(v) => void save(v)}
          style={{ maxWidth: 640 }}
        >
          <Form.Item label="整改方案须经审核" name="requirePlanApproval" valuePropName="checked">
            <Switch checkedChildren="须审核" unCheckedChildren="不审核" />
          </Form.Item>
          <Form.Item
            label="到期前提醒（天，从远到近，逗号分隔）"
            name="reminders"
            extra="如 7, 3, 1：截止日前 7 天、3 天、1 天各提醒一次；留空则不提醒"
          >
            <Input placeholder="7, 3, 1" />
          </Form.Item>
          <Typography.Text strong>逾期后升级（截止日后的天数，须逐级递增）</Typography.Text>
          <Space wrap size={[16, 0]} style={{ marginTop: 8 }}>
            {RUNGS.map((level, i) => (
              <Form.Item
                key={level}
                label={`${ESCALATION_LABELS[level]}（天）`}
                name={['rungs', i]}
                rules={[{ required: true, message: `请填写${ESCALATION_LABELS[level]}的天数` }]}
              >
                <InputNumber min={0} max={365} precision={0} style={{ width: 120 }} />
              </Form.Item>
            ))}
          </Space>
          <Form.Item
            label="最多延期次数"
            name="maxExtensions"
            rules={[{ required: true, message: '请填写最多延期次数' }]}
          >
            <InputNumber min={0} max={10} precision={0} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item
            label="进展报告周期（天）"
            name="progressReportIntervalDays"
            extra="留空则按整改类型（持续整改 90 天，其余 30 天）"
          >
            <InputNumber min={1} max={365} precision={0} placeholder="按整改类型" style={{ width: 160 }} />
          </Form.Item>
          {editable && (
            <Button type="primary" htmlType="submit" loading={saving}>
              保存
            </Button>
          )}
        </Form>
      </Card>
    </Space>
  );
}
