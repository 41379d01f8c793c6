import { useState } from 'react';
import { App, Button } from 'antd';
import { FileWordOutlined } from '@ant-design/icons';
import { download, type Query } from '../api/http';

/**
 * Downloads a 整改情况报告 draft (.docx) with the caller's token; a refusal (scope, bad year) shows the server's
 * Chinese reason.
 */
export function ReportDownloadButton({
  path,
  query,
  label = '下载整改情况报告',
  size,
}: {
  path: string;
  query?: Query;
  label?: string;
  size?: 'small' | 'middle';
}) {
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();
  const go = async () => {
    setBusy(true);
    try {
      const name = await download(path, query);
      message.success(`已下载：${name}`);
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<FileWordOutlined />} loading={busy} size={size} onClick={() => void go()}>
      {label}
    </Button>
  );
}
