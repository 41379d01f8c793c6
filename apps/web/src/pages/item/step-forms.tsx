import {
  Alert,
  DatePicker,
  Form,
  Input,
  Radio,
  Select,
  Space,
  Button,
  Upload,
  Progress,
  Typography,
} from 'antd';
import { MinusCircleOutlined, PlusOutlined, InboxOutlined } from '@ant-design/icons';
import type { UploadFile } from 'antd';
import type { Dayjs } from 'dayjs';
import { useQuery } from '@tanstack/react-query';
import type { RectificationStepName } from '@contracts/rectification/rectification.commands';
import { get } from '../../api/http';
import type { RectificationDetail, UnitResponse } from '@contracts/api';
import { REVIEW_LABELS, REVIEW_RESULTS } from '../../labels';
import { dayjs, formatDate, today } from '../../format';

const ymd = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);
const text = (rows = 3, max = 2000) => <Input.TextArea rows={rows} maxLength={max} showCount />;
const optional = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== ''));

export interface StepForm {
  submit: string;
  danger?: boolean;
  multipart?: boolean;
  fields: (d: RectificationDetail) => React.ReactNode;
  /** form values → JSON body, or FormData for multipart steps */
  body: (v: Record<string, unknown>) => unknown;
}

function UnitSelect() {
  const units = useQuery({ queryKey: ['units'], queryFn: () => get<UnitResponse[]>('/units') });
  const list = units.data ?? [];
  return (
    <Select
      loading={units.isPending}
      showSearch={{ optionFilterProp: 'label' }}
      options={list.filter((u) => u.kind !== 'bureau').map((u) => ({ value: u.id, label: u.name }))}
    />
  );
}

/** One form per workflow step. The list of steps shown comes from the server's allowedActions. */
export const STEP_FORMS: Record<RectificationStepName, StepForm> = {
  acknowledge: {
    submit: '确认签收',
    fields: () => (
      <Form.Item label="签收意见（可选）" name="comment">
        {text(2, 1000)}
      </Form.Item>
    ),
    body: (v) => optional({ comment: v.comment }),
  },
  submitPlan: {
    submit: '提交方案',
    fields: () => (
      <>
        <Form.Item
          label="责任人"
          name="responsiblePerson"
          rules={[{ required: true, message: '请填写责任人' }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item label="联系方式（可选）" name="contact">
          <Input maxLength={100} />
        </Form.Item>
        <Form.List name="measures" initialValue={[{}]}>
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Space key={f.key} align="start" wrap style={{ display: 'flex' }}>
                  <Form.Item
                    name={[f.name, 'content']}
                    label={`整改措施 ${i + 1}`}
                    rules={[{ required: true, message: '请填写整改措施' }]}
                  >
                    <Input.TextArea rows={2} maxLength={2000} style={{ width: 300, maxWidth: '70vw' }} />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'targetDate']}
                    label="完成时限"
                    rules={[{ required: true, message: '请选择完成时限' }]}
                  >
                    <DatePicker />
                  </Form.Item>
                  {fields.length > 1 && (
                    <Button
                      type="text"
                      icon={<MinusCircleOutlined />}
                      aria-label="删除此措施"
                      onClick={() => remove(f.name)}
                    />
                  )}
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
                添加措施
              </Button>
            </>
          )}
        </Form.List>
      </>
    ),
    body: (v) =>
      optional({
        responsiblePerson: v.responsiblePerson,
        contact: v.contact,
        measures: ((v.measures as { content: string; targetDate: Dayjs }[]) ?? []).map((m) => ({
          content: m.content,
          targetDate: ymd(m.targetDate),
        })),
      }),
  },
  approvePlan: {
    submit: '批准方案',
    fields: () => (
      <Form.Item label="意见（可选）" name="comment">
        {text()}
      </Form.Item>
    ),
    body: (v) => optional({ comment: v.comment }),
  },
  returnPlan: {
    submit: '退回方案',
    danger: true,
    fields: () => (
      <Form.Item label="退回意见" name="comment" rules={[{ required: true, message: '请填写退回意见' }]}>
        {text()}
      </Form.Item>
    ),
    body: (v) => ({ comment: v.comment }),
  },
  addEvidence: {
    submit: '上传',
    multipart: true,
    fields: () => (
      <>
        <Form.Item
          label="文件（可多选）"
          name="files"
          valuePropName="fileList"
          getValueFromEvent={(e: { fileList: UploadFile[] }) => e?.fileList}
          rules={[{ required: true, message: '请选择文件' }]}
        >
          <Upload.Dragger multiple beforeUpload={() => false} aria-label="选择佐证材料文件">
            <p>
              <InboxOutlined style={{ fontSize: 32, color: '#1677ff' }} />
            </p>
            <p>点击或拖拽文件到此处</p>
            <Typography.Text type="secondary">PDF、OFD、Word、Excel、图片或 ZIP</Typography.Text>
          </Upload.Dragger>
        </Form.Item>
        <Form.Item label="说明" name="description" rules={[{ required: true, message: '请填写说明' }]}>
          {text()}
        </Form.Item>
        <Form.Item
          label="生效日期"
          name="effectiveDate"
          initialValue={dayjs(today())}
          rules={[{ required: true, message: '请选择生效日期' }]}
        >
          <DatePicker />
        </Form.Item>
      </>
    ),
    body: (v) => {
      const form = new FormData();
      form.append('description', String(v.description ?? ''));
      form.append('effectiveDate', ymd(v.effectiveDate as Dayjs) ?? '');
      for (const f of (v.files as UploadFile[]) ?? [])
        if (f.originFileObj) form.append('files', f.originFileObj, f.name);
      return form;
    },
  },
  submit: {
    submit: '提交整改情况',
    fields: () => (
      <Form.Item
        label="整改完成情况"
        name="account"
        rules={[{ required: true, message: '请填写整改完成情况' }]}
      >
        {text(6, 20000)}
      </Form.Item>
    ),
    body: (v) => ({ account: v.account }),
  },
  reportProgress: {
    submit: '报送进展',
    fields: () => (
      <Form.Item label="进展情况" name="content" rules={[{ required: true, message: '请填写进展情况' }]}>
        {text(5, 20000)}
      </Form.Item>
    ),
    body: (v) => ({ content: v.content }),
  },
  review: {
    submit: '提交认定',
    fields: () => (
      <>
        <Form.Item label="认定结果" name="result" rules={[{ required: true, message: '请选择认定结果' }]}>
          <Radio.Group options={REVIEW_RESULTS.map((r) => ({ value: r, label: REVIEW_LABELS[r] }))} />
        </Form.Item>
        <Form.Item label="认定意见（持续整改、未整改时必填）" name="comment">
          {text(3, 5000)}
        </Form.Item>
      </>
    ),
    body: (v) => optional({ result: v.result, comment: v.comment ?? '' }),
  },
  requestExtension: {
    submit: '提交延期申请',
    fields: (d) => (
      <>
        <Form.Item label="申请延至" name="newDeadline" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker disabledDate={(x) => x.format('YYYY-MM-DD') <= d.deadline.current} />
        </Form.Item>
        <Form.Item label="延期理由" name="reason" rules={[{ required: true, message: '请填写延期理由' }]}>
          {text()}
        </Form.Item>
      </>
    ),
    body: (v) => ({ newDeadline: ymd(v.newDeadline as Dayjs), reason: v.reason }),
  },
  decideExtension: {
    submit: '提交审批',
    fields: (d) => {
      const p = d.state.extensions[d.state.extensions.length - 1];
      return (
        <>
          {p && (
            <Alert
              type="info"
              style={{ marginBottom: 12 }}
              title={`${p.by?.name ?? ''} 申请由 ${formatDate(p.previous?.date)} 延至 ${formatDate(p.requested?.date)}：${p.reason}`}
            />
          )}
          <Form.Item label="审批结果" name="approve" rules={[{ required: true, message: '请选择审批结果' }]}>
            <Radio.Group
              options={[
                { value: true, label: '同意延期' },
                { value: false, label: '不同意' },
              ]}
            />
          </Form.Item>
          <Form.Item label="意见（不同意时必填）" name="comment">
            {text()}
          </Form.Item>
        </>
      );
    },
    body: (v) => optional({ approve: v.approve, comment: v.comment }),
  },
  reassign: {
    submit: '确认改派',
    fields: () => (
      <>
        <Form.Item label="新的责任单位" name="unitId" rules={[{ required: true, message: '请选择责任单位' }]}>
          <UnitSelect />
        </Form.Item>
        <Form.Item label="改派理由" name="reason" rules={[{ required: true, message: '请填写改派理由' }]}>
          {text()}
        </Form.Item>
      </>
    ),
    body: (v) => ({ unitId: v.unitId, reason: v.reason }),
  },
  cancel: {
    submit: '确认撤销',
    danger: true,
    fields: () => (
      <Form.Item label="撤销理由" name="reason" rules={[{ required: true, message: '请填写撤销理由' }]}>
        {text()}
      </Form.Item>
    ),
    body: (v) => ({ reason: v.reason }),
  },
};

export const UploadProgress = ({ percent }: { percent: number | null }) =>
  percent === null ? null : <Progress percent={percent} size="small" aria-label="上传进度" />;
