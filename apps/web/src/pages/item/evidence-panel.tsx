import { useEffect, useState } from 'react';
import { Alert, Button, List, Modal, Space, Typography } from 'antd';
import { DownloadOutlined, EyeOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { EvidenceFileView, EvidenceList } from '@contracts/api';
import { download, fetchBlob, get } from '../../api/http';
import { QueryState } from '../../components/query-state';
import { formatDate, formatDateTime, formatSize } from '../../format';

const previewable = (f: EvidenceFileView) =>
  f.mimeType === 'application/pdf' || f.mimeType.startsWith('image/');
const apiPath = (link: string) => link.replace(/^\/api\/v1/, '');

/** Evidence files with SHA-256 and effective date; PDFs and images preview in the page (fetched with the token). */
export function EvidencePanel({ id }: { id: string }) {
  const q = useQuery({
    queryKey: ['evidence', id],
    queryFn: () => get<EvidenceList>(`/rectifications/${encodeURIComponent(id)}/evidence`),
  });
  const [preview, setPreview] = useState<EvidenceFileView | null>(null);
  return (
    <QueryState q={q}>
      {(data) => (
        <>
          <List
            className="evidence-list"
            dataSource={data.items}
            locale={{ emptyText: '尚未上传佐证材料' }}
            renderItem={(f) => (
              <List.Item
                actions={[
                  previewable(f) && f.downloadable ? (
                    <Button key="p" size="small" icon={<EyeOutlined />} onClick={() => setPreview(f)}>
                      预览
                    </Button>
                  ) : null,
                  f.downloadable ? (
                    <Button
                      key="d"
                      size="small"
                      icon={<DownloadOutlined />}
                      onClick={() => void download(apiPath(f.links.download))}
                    >
                      下载
                    </Button>
                  ) : null,
                ].filter(Boolean)}
              >
                <List.Item.Meta
                  title={f.name}
                  description={
                    <Space orientation="vertical" size={0} style={{ minWidth: 0 }}>
                      <span>
                        {f.evidence.description} · 生效日期 {formatDate(f.evidence.effectiveDate)} ·{' '}
                        {formatSize(f.size)} · {f.evidence.addedBy.name} 于 {formatDateTime(f.uploadedAt)}
                      </span>
                      <Typography.Text
                        type="secondary"
                        copyable={{ text: f.sha256 }}
                        style={{ wordBreak: 'break-all' }}
                      >
                        SHA-256：{f.sha256}
                      </Typography.Text>
                    </Space>
                  }
                />
              </List.Item>
            )}
          />
          {preview && <PreviewModal file={preview} onClose={() => setPreview(null)} />}
        </>
      )}
    </QueryState>
  );
}

function PreviewModal({ file, onClose }: { file: EvidenceFileView; onClose: () => void }) {
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let made: string | null = null;
    fetchBlob(apiPath(file.links.download))
      .then(({ blob }) => {
        made = URL.createObjectURL(new Blob([blob], { type: file.mimeType }));
        setUrl(made);
      })
      .catch((e: Error) => setError(e.message));
    return () => {
      if (made) URL.revokeObjectURL(made);
    };
  }, [file]);
  return (
    <Modal open title={`预览：${file.name}`} onCancel={onClose} footer={null} width={900} destroyOnHidden>
      {error && <Alert type="error" title={error} />}
      {url &&
        (file.mimeType.startsWith('image/') ? (
          <img src={url} alt={file.name} className="preview-image" />
        ) : (
          <iframe src={url} title={`PDF 预览：${file.name}`} className="preview-frame" />
        ))}
      {!url && !error && <Typography.Text>正在加载预览…</Typography.Text>}
    </Modal>
  );
}
