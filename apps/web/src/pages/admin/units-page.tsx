import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Switch,
  Tag,
  Tree,
  Typography,
} from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { get, patch, post } from '../../api/http';
import type { UnitNode } from '@contracts/api';
import { QueryState } from '../../components/query-state';
import { ReportDownloadButton } from '../../components/report-download-button';
import { today } from '../../format';
import { UNIT_KIND_LABELS } from '../../labels';

interface Editing {
  unit?: UnitNode;
  parentId?: number | null;
}

interface TreeNode {
  key: number;
  title: React.ReactNode;
  children: TreeNode[];
  unit: UnitNode;
}

const toTree = (nodes: UnitNode[]): TreeNode[] =>
  nodes.map((u) => ({
    key: u.id,
    unit: u,
    title: (
      <Space size={4}>
        {u.name}
        <Tag>{UNIT_KIND_LABELS[u.kind]}</Tag>
        {!u.active && <Tag color="default">已停用</Tag>}
      </Space>
    ),
    children: toTree(u.children ?? []),
  }));

export default function UnitsPage() {
  const q = useQuery({ queryKey: ['units-tree'], queryFn: () => get<UnitNode[]>('/units/tree') });
  const [editing, setEditing] = useState<Editing | null>(null);
  const [selected, setSelected] = useState<UnitNode | null>(null);
  const [year, setYear] = useState(Number(today().slice(0, 4)));
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} className="page-title">
          单位管理
        </Typography.Title>
        <Space>
          <Button type="primary" onClick={() => setEditing({ parentId: selected?.id ?? null })}>
            {selected ? `在「${selected.name}」下新建单位` : '新建单位'}
          </Button>
          {selected && <Button onClick={() => setEditing({ unit: selected })}>编辑所选</Button>}
        </Space>
      </Space>
      {selected && (
        <Card
          size="small"
          title={`「${selected.name}」年度整改情况报告（含所属单位）`}
          style={{ marginBottom: 12 }}
        >
          <Space wrap>
            <span>年度</span>
            <InputNumber
              min={2000}
              max={2100}
              value={year}
              onChange={(v) => v && setYear(v)}
              aria-label="报告年度"
            />
            <ReportDownloadButton path={`/units/${selected.id}/rectification-report.docx`} query={{ year }} />
          </Space>
        </Card>
      )}
      <Card size="small">
        <QueryState q={q}>
          {(tree) => (
            <Tree
              defaultExpandAll
              treeData={toTree(tree)}
              onSelect={(_k, info) =>
                setSelected(info.selected ? (info.node as unknown as { unit: UnitNode }).unit : null)
              }
              aria-label="单位树"
            />
          )}
        </QueryState>
      </Card>
      {editing && <UnitModal editing={editing} onClose={() => setEditing(null)} />}
    </>
  );
}

function UnitModal({ editing, onClose }: { editing: Editing; onClose: () => void }) {
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const client = useQueryClient();
  const { message } = App.useApp();
  const u = editing.unit;
  const save = async () => {
    const v = await form.validateFields();
    const body = {
      ...v,
      contactEmails: String(v.contactEmails ?? '')
        .split(/[,，\s]+/)
        .filter(Boolean),
      webhookUrl: v.webhookUrl || null,
    };
    setBusy(true);
    setError(null);
    try {
      if (u) await patch(`/units/${u.id}`, body);
      else await post('/units', { ...body, parentId: editing.parentId ?? null });
      message.success('单位已保存');
      await client.invalidateQueries({ queryKey: ['units-tree'] });
      await client.invalidateQueries({ queryKey: ['units'] });
      onClose();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={u ? `编辑单位：${u.name}` : '新建单位'}
      onCancel={onClose}
      onOk={() => void save()}
      okText="保存"
      cancelText="取消"
      okButtonProps={{ loading: busy }}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={
          u
            ? {
                code: u.code,
                name: u.name,
                kind: u.kind,
                active: u.active,
                contactEmails: ((u as unknown as { contactEmails?: string[] }).contactEmails ?? []).join(
                  ', ',
                ),
                webhookUrl: (u as unknown as { webhookUrl?: string }).webhookUrl,
              }
            : { kind: editing.parentId ? 'project_unit' : 'department' }
        }
      >
        <Form.Item label="单位名称" name="name" rules={[{ required: true, message: '请填写单位名称' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item label="单位编码" name="code" rules={[{ required: true, message: '请填写单位编码' }]}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item label="单位类型" name="kind">
          <Select options={Object.entries(UNIT_KIND_LABELS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item label="负责人联系邮箱（逗号分隔）" name="contactEmails">
          <Input />
        </Form.Item>
        <Form.Item label="Webhook 回调地址" name="webhookUrl">
          <Input placeholder="https://…" />
        </Form.Item>
        {u && (
          <Form.Item label="启用" name="active" valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
