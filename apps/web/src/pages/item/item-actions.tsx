import { useState } from 'react';
import { Alert, App, Button, Card, Form, Modal, Space, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import type { AllowedAction } from '@contracts/rectification/step-catalog';
import { api, idempotencyKey, upload } from '../../api/http';
import type { RectificationDetail } from '@contracts/api';
import { STEP_FORMS, UploadProgress } from './step-forms';

/**
 * The steps the caller may take now, exactly as the server lists them (allowedActions), each with its form. A
 * refused step shows the server's reason in the form; the key of an attempt is kept while it is retried.
 */
export function ItemActions({ detail }: { detail: RectificationDetail }) {
  const [open, setOpen] = useState<AllowedAction | null>(null);
  return (
    <Card size="small" title="可办理的操作" className="actions-panel">
      {detail.allowedActions.length === 0 ? (
        <Typography.Text type="secondary">当前没有您可以办理的操作</Typography.Text>
      ) : (
        <Space wrap>
          {detail.allowedActions.map((a) => (
            <Button
              key={a.step}
              type={STEP_FORMS[a.step]?.danger ? 'default' : 'primary'}
              danger={STEP_FORMS[a.step]?.danger}
              onClick={() => setOpen(a)}
            >
              {a.label}
            </Button>
          ))}
        </Space>
      )}
      {open && <StepModal action={open} detail={detail} onClose={() => setOpen(null)} />}
    </Card>
  );
}

function StepModal({
  action,
  detail,
  onClose,
}: {
  action: AllowedAction;
  detail: RectificationDetail;
  onClose: () => void;
}) {
  const spec = STEP_FORMS[action.step];
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [key] = useState(idempotencyKey);
  const client = useQueryClient();
  const { message } = App.useApp();

  const submit = async () => {
    const values = await form.validateFields();
    setBusy(true);
    setError(null);
    const path = `/rectifications/${encodeURIComponent(detail.id)}/${action.path}`;
    try {
      const body = spec.body(values);
      const result = spec.multipart
        ? await upload<{ statusLabel?: string }>(path, body as FormData, setProgress, {
            'Idempotency-Key': key,
          })
        : await api<{ statusLabel?: string }>(path, {
            method: 'POST',
            json: body,
            headers: { 'Idempotency-Key': key },
          });
      message.success(
        `「${action.label}」已办理${result?.statusLabel ? `，当前状态：${result.statusLabel}` : ''}`,
      );
      await client.invalidateQueries({ queryKey: ['item', detail.id] });
      await client.invalidateQueries({ queryKey: ['evidence', detail.id] });
      void client.invalidateQueries({ queryKey: ['todo'] });
      onClose();
    } catch (err) {
      setError((err as Error).message);
      setProgress(null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={action.label}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={spec.submit}
      okButtonProps={{ danger: spec.danger, loading: busy }}
      cancelText="取消"
      destroyOnHidden
      width={640}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" />}
      <Form form={form} name={`step-${action.step}`} layout="vertical" requiredMark="optional">
        {spec.fields(detail)}
      </Form>
      <UploadProgress percent={progress} />
    </Modal>
  );
}
