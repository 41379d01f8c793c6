import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  List,
  Progress,
  Result,
  Row,
  Select,
  Tabs,
  Typography,
  Upload,
} from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { ApiError, post, upload } from '../../api/http';
import type { EvaluationDetail } from '@contracts/api';

function Outcome({ result, error }: { result: EvaluationDetail | null; error: ApiError | null }) {
  if (error) {
    const dup = (error.details as { evaluationId?: string } | undefined)?.evaluationId;
    return (
      <Alert
        type="error"
        showIcon
        role="alert"
        title={error.message}
        description={
          dup ? (
            <Link to={`/evaluations/${dup}`}>查看已导入的评价</Link>
          ) : error.status === 422 ? (
            '无法识别为反馈表时，可在“手工创建”中录入评价信息，再逐条添加问题。'
          ) : undefined
        }
      />
    );
  }
  if (!result) return null;
  return (
    <Result
      status="success"
      title="导入成功"
      subTitle={`${result.evaluation.projectName ?? '（未识别项目名称）'}：识别出 ${result.findings.length} 个问题、${result.recommendations.length} 条建议`}
      extra={
        <Link to={`/evaluations/${result.evaluation.id}/draft`}>
          <Button type="primary">校对草稿</Button>
        </Link>
      }
    >
      {result.warnings.length > 0 && (
        <List
          size="small"
          header="请核对以下提示"
          dataSource={result.warnings}
          renderItem={(w) => (
            <List.Item>
              <Typography.Text type="warning">{w.message}</Typography.Text>
            </List.Item>
          )}
        />
      )}
    </Result>
  );
}

export default function ImportPage() {
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<EvaluationDetail | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const navigate = useNavigate();

  const run = async (fn: () => Promise<EvaluationDetail>) => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await fn());
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'ERROR', (err as Error).message));
    } finally {
      setBusy(false);
    }
  };

  const uploadFile = (file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    setProgress(0);
    void run(() => upload<EvaluationDetail>('/evaluations/import', form, setProgress));
    return false;
  };

  return (
    <>
      <Typography.Title level={3} className="page-title">
        导入反馈表
      </Typography.Title>
      <Tabs
        items={[
          {
            key: 'file',
            label: '上传文件',
            children: (
              <Card size="small">
                <Upload.Dragger
                  accept=".txt,.html,.htm,.docx,.doc,.pdf,.png,.jpg,.jpeg"
                  showUploadList={false}
                  beforeUpload={uploadFile}
                  disabled={busy}
                  aria-label="选择或拖入反馈表文件"
                >
                  <p>
                    <InboxOutlined style={{ fontSize: 40, color: '#1677ff' }} />
                  </p>
                  <p>点击或拖拽反馈表到此处</p>
                  <Typography.Text type="secondary">
                    支持 TXT、HTML、Word（.docx/.doc）、PDF，扫描件需服务器安装 OCR
                  </Typography.Text>
                </Upload.Dragger>
                {progress !== null && <Progress percent={progress} aria-label="上传进度" />}
              </Card>
            ),
          },
          {
            key: 'text',
            label: '粘贴文本',
            children: (
              <Card size="small">
                <Form
                  layout="vertical"
                  onFinish={(v: { text: string }) =>
                    void run(() => post<EvaluationDetail>('/evaluations/import', { text: v.text }))
                  }
                >
                  <Form.Item
                    label="或粘贴文本"
                    name="text"
                    rules={[{ required: true, message: '请粘贴反馈表文本' }]}
                  >
                    <Input.TextArea rows={10} />
                  </Form.Item>
                  <Button type="primary" htmlType="submit" loading={busy}>
                    导入
                  </Button>
                </Form>
              </Card>
            ),
          },
          {
            key: 'manual',
            label: '手工创建',
            children: (
              <Card size="small">
                <Form
                  layout="vertical"
                  onFinish={(v: Record<string, unknown>) =>
                    void run(async () => {
                      const d = await post<EvaluationDetail>('/evaluations', v);
                      navigate(`/evaluations/${d.evaluation.id}/draft`);
                      return d;
                    })
                  }
                >
                  <Row gutter={12}>
                    <Col xs={24} md={12}>
                      <Form.Item
                        label="项目名称"
                        name="projectName"
                        rules={[{ required: true, message: '请填写项目名称' }]}
                      >
                        <Input maxLength={500} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={12}>
                      <Form.Item label="主管部门" name="supervisingDepartment">
                        <Input maxLength={255} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={12}>
                      <Form.Item label="项目单位" name="projectUnit">
                        <Input maxLength={255} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={6}>
                      <Form.Item label="评价分值" name="score">
                        <InputNumber min={0} max={100} style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={6}>
                      <Form.Item label="评价等级" name="grade">
                        <Select
                          allowClear
                          options={['优', '良', '中', '差'].map((g) => ({ value: g, label: g }))}
                        />
                      </Form.Item>
                    </Col>
                  </Row>
                  <Button type="primary" htmlType="submit" loading={busy}>
                    创建草稿
                  </Button>
                </Form>
              </Card>
            ),
          },
        ]}
      />
      <div style={{ marginTop: 16 }}>
        <Outcome result={result} error={error} />
      </div>
    </>
  );
}
