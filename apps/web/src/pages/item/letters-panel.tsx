import { useState } from 'react';
import { Alert, App, Button, List, Space, Tag, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { LetterView } from '@contracts/api';
import { download, get, upload } from '../../api/http';
import { useSession } from '../../api/session';
import { QueryState } from '../../components/query-state';
import { formatDateTime } from '../../format';
import { UploadProgress } from './step-forms';

const apiPath = (link: string) => link.replace(/^\/api\/v1/, '');

/**
 * 督办文书 per rung reached (文号, SHA-256), their download, and the unit's written replies. Only the responsible
 * unit's own users may reply (the server checks again and its Chinese reason is shown as it comes).
 */
export function LettersPanel({ id }: { id: string }) {
  const { can } = useSession();
  // Seeing the item already means it is in the user's units; only department users answer for it.
  const canReply = can('actForDepartment');
  const q = useQuery({
    queryKey: ['letters', id],
    queryFn: () => get<LetterView[]>(`/rectifications/${encodeURIComponent(id)}/letters`),
  });
  return (
    <QueryState q={q}>
      {(rows) => (
        <List
          className="letters-list"
          dataSource={rows}
          locale={{ emptyText: '尚无督办文书' }}
          renderItem={(l) => (
            <List.Item
              actions={[
                <Button
                  key="d"
                  size="small"
                  icon={<DownloadOutlined />}
                  onClick={() => void download(apiPath(l.downloadUrl))}
                  aria-label={`下载${l.label}`}
                >
                  下载
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={
                  <Space wrap size={4}>
                    <Tag color={l.level >= 3 ? 'red' : l.level === 2 ? 'orange' : 'gold'}>{l.label}</Tag>
                    <span>{l.docNumber}</span>
                  </Space>
                }
                description={
                  <Space orientation="vertical" size={4} style={{ width: '100%', minWidth: 0 }}>
                    <span>
                      {l.fileName} · 印发于 {formatDateTime(l.issuedAt)}
                    </span>
                    <Typography.Text
                      type="secondary"
                      copyable={{ text: l.sha256 }}
                      style={{ wordBreak: 'break-all' }}
                    >
                      SHA-256：{l.sha256}
                    </Typography.Text>
                    <Replies letter={l} />
                    {canReply && <ReplyUpload itemId={id} letter={l} />}
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      )}
    </QueryState>
  );
}

function Replies({ letter }: { letter: LetterView }) {
  if (!letter.replies.length) return <Typography.Text type="secondary">尚无书面回复</Typography.Text>;
  return (
    <ul className="letter-replies" style={{ margin: 0, paddingLeft: 18 }}>
      {letter.replies.map((r) => (
        <li key={r.id} style={{ overflowWrap: 'anywhere' }}>
          回复：{r.fileName} — {r.uploadedBy} 于 {formatDateTime(r.uploadedAt)}{' '}
          <Button
            size="small"
            type="link"
            icon={<DownloadOutlined />}
            onClick={() => void download(apiPath(r.downloadUrl))}
          >
            下载回复
          </Button>
        </li>
      ))}
    </ul>
  );
}

function ReplyUpload({ itemId, letter }: { itemId: string; letter: LetterView }) {
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const client = useQueryClient();
  const { message } = App.useApp();
  const send = async (file: File) => {
    setError(null);
    setProgress(0);
    const form = new FormData();
    form.append('file', file, file.name);
    try {
      await upload<LetterView>(
        `/rectifications/${encodeURIComponent(itemId)}/letters/${letter.id}/replies`,
        form,
        setProgress,
      );
      message.success(`已上传对${letter.label}的回复`);
      await client.invalidateQueries({ queryKey: ['letters', itemId] });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setProgress(null);
    }
  };
  return (
    <Space orientation="vertical" size={4} style={{ width: '100%' }}>
      <Upload
        showUploadList={false}
        beforeUpload={(file) => {
          void send(file);
          return false;
        }}
        disabled={progress !== null}
      >
        <Button size="small" icon={<UploadOutlined />} loading={progress !== null}>
          上传书面回复
        </Button>
      </Upload>
      <UploadProgress percent={progress} />
      {error && <Alert type="error" showIcon title={error} role="alert" />}
    </Space>
  );
}
