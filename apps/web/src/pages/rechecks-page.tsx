import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  List,
  Modal,
  Radio,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import {
  RECHECK_OUTCOME_LABELS,
  RECHECK_OUTCOMES,
  type RecheckOutcome,
} from '@contracts/rectification/rectification-labels';
import type { RecheckView } from '@contracts/api';
import { get, post } from '../api/http';
import { useSession } from '../api/session';
import { QueryState } from '../components/query-state';
import { usePhone } from '../components/use-phone';
import { formatDateTime } from '../format';

type Tab = 'due' | 'done';

/** The choices, named by the one label table; the hints say what each does to the item. */
const OUTCOME_HINTS: Record<RecheckOutcome, string> = {
  consolidated: '问题未再出现，事项保持销号',
  rebound: '问题再次出现，按同一问题重新下发整改',
};
const OUTCOME_CHOICES = RECHECK_OUTCOMES.map((value) => ({
  value,
  label: RECHECK_OUTCOME_LABELS[value],
  hint: OUTCOME_HINTS[value],
}));

/** Due: soonest first (as the server lists them); done: the latest decision first, where a reviewer looks for it. */
const ordered = (tab: Tab, rows: RecheckView[]): RecheckView[] =>
  tab === 'done' ? [...rows].sort((a, b) => (b.decidedAt ?? '').localeCompare(a.decidedAt ?? '')) : rows;

const itemLink = (id: string, text: string) => (
  <Link to={`/rectifications/${encodeURIComponent(id)}`}>{text}</Link>
);

/** 回头看: re-checks of closed items. The bureau reviewer decides; everyone else (departments: own units) reads. */
export default function RechecksPage() {
  const [tab, setTab] = useState<Tab>('due');
  const [deciding, setDeciding] = useState<RecheckView | null>(null);
  const { can } = useSession();
  const canDecide = can('decideRecheck');
  const phone = usePhone();
  const q = useQuery({
    queryKey: ['rechecks', tab],
    queryFn: () => get<RecheckView[]>('/rechecks', { status: tab }),
    refetchInterval: 15_000,
  });
  return (
    <>
      <Typography.Title level={3} className="page-title">
        回头看
      </Typography.Title>
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={(k) => setTab(k as Tab)}
          items={[
            { key: 'due', label: '待回头看' },
            { key: 'done', label: '已回头看' },
          ]}
        />
        <QueryState q={q}>
          {(rows) =>
            phone ? (
              <PhoneList
                rows={ordered(tab, rows)}
                canDecide={canDecide && tab === 'due'}
                onDecide={setDeciding}
              />
            ) : (
              <Table<RecheckView>
                className="rechecks-table"
                rowKey="id"
                size="small"
                dataSource={ordered(tab, rows)}
                scroll={{ x: 'max-content' }}
                locale={{ emptyText: tab === 'due' ? '暂无待回头看的事项' : '暂无已回头看的事项' }}
                columns={[
                  {
                    title: '问题',
                    dataIndex: 'findingTitle',
                    render: (t: string, r) => itemLink(r.rectificationId, t),
                  },
                  { title: '回头看到期', dataIndex: 'dueAt', render: (v: string) => formatDateTime(v) },
                  ...(tab === 'done'
                    ? [
                        {
                          title: '结论',
                          dataIndex: 'outcomeLabel',
                          render: (v: string | null, r: RecheckView) => (
                            <Tag color={r.outcome === 'rebound' ? 'red' : 'green'}>{v ?? '—'}</Tag>
                          ),
                        },
                        { title: '情况说明', dataIndex: 'note', render: (v: string | null) => v ?? '—' },
                        {
                          title: '认定',
                          dataIndex: 'decidedAt',
                          render: (v: string | null, r: RecheckView) =>
                            `${r.decidedBy ?? ''} ${formatDateTime(v)}`,
                        },
                        {
                          title: '重新整改事项',
                          dataIndex: 'reboundRectificationId',
                          render: (v: string | null) => (v ? itemLink(v, '查看新事项') : '—'),
                        },
                      ]
                    : []),
                  ...(tab === 'due' && canDecide
                    ? [
                        {
                          title: '操作',
                          key: 'decide',
                          render: (_: unknown, r: RecheckView) => (
                            <Button size="small" type="primary" onClick={() => setDeciding(r)}>
                              认定
                            </Button>
                          ),
                        },
                      ]
                    : []),
                ]}
              />
            )
          }
        </QueryState>
      </Card>
      {deciding && <DecisionModal recheck={deciding} onClose={() => setDeciding(null)} />}
    </>
  );
}

/** On a phone: one card per re-check, everything readable without scrolling sideways. */
function PhoneList({
  rows,
  canDecide,
  onDecide,
}: {
  rows: RecheckView[];
  canDecide: boolean;
  onDecide: (r: RecheckView) => void;
}) {
  return (
    <List
      className="rechecks-list"
      dataSource={rows}
      locale={{ emptyText: '暂无事项' }}
      renderItem={(r) => (
        <List.Item
          actions={
            canDecide
              ? [
                  <Button key="d" size="small" type="primary" onClick={() => onDecide(r)}>
                    认定
                  </Button>,
                ]
              : []
          }
        >
          <List.Item.Meta
            title={itemLink(r.rectificationId, r.findingTitle)}
            description={
              <Space orientation="vertical" size={2} style={{ minWidth: 0 }}>
                <span>回头看到期 {formatDateTime(r.dueAt)}</span>
                {r.status === 'done' && (
                  <>
                    <span>
                      <Tag color={r.outcome === 'rebound' ? 'red' : 'green'}>{r.outcomeLabel ?? '—'}</Tag>
                      {r.decidedBy} {formatDateTime(r.decidedAt)}
                    </span>
                    {r.note && <span style={{ overflowWrap: 'anywhere' }}>{r.note}</span>}
                    {r.reboundRectificationId && itemLink(r.reboundRectificationId, '查看新事项')}
                  </>
                )}
              </Space>
            }
          />
        </List.Item>
      )}
    />
  );
}

function DecisionModal({ recheck, onClose }: { recheck: RecheckView; onClose: () => void }) {
  const [form] = Form.useForm<{ outcome: RecheckOutcome; note: string; deadline?: Dayjs }>();
  const outcome = Form.useWatch('outcome', form);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const client = useQueryClient();
  const { message } = App.useApp();
  const save = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      const done = await post<RecheckView>(`/rechecks/${recheck.id}/decision`, {
        outcome: v.outcome,
        note: v.note,
        deadline: v.outcome === 'rebound' && v.deadline ? v.deadline.format('YYYY-MM-DD') : undefined,
      });
      message.success(
        done.outcome === 'rebound' ? '已认定为反弹，已按同一问题重新下发整改' : '已认定为巩固，事项保持销号',
      );
      await client.invalidateQueries({ queryKey: ['rechecks'] });
      onClose();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={`回头看认定：${recheck.findingTitle}`}
      onCancel={onClose}
      onOk={() => void save()}
      okText="提交认定"
      cancelText="取消"
      okButtonProps={{ loading: busy }}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} />}
      <Typography.Paragraph>
        原事项：{itemLink(recheck.rectificationId, recheck.findingTitle)}（回头看到期{' '}
        {formatDateTime(recheck.dueAt)}）
      </Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item label="结论" name="outcome" rules={[{ required: true, message: '请选择巩固或反弹' }]}>
          <Radio.Group>
            {OUTCOME_CHOICES.map((o) => (
              <Radio key={o.value} value={o.value} title={o.hint}>
                {o.label}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item
          label="情况说明"
          name="note"
          rules={[{ required: true, whitespace: true, message: '请填写回头看情况说明' }]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
        {outcome === 'rebound' && (
          <Form.Item label="新的整改时限" name="deadline" extra="不填则按整改类型的默认规则，自今日起计算">
            <DatePicker style={{ width: '100%' }} aria-label="新的整改时限" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
