import type { ReactNode } from 'react';
import { Alert, Button, Empty, Skeleton } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import { ApiError, isUnavailable } from '../api/http';
import { NotFoundPage } from '../pages/not-found-page';

/**
 * Loading, error and "not there" states of one query, the same on every page. `optional` marks a route another
 * branch adds: its 404 reads 暂不可用 instead of an error; `item` makes a 404 the 不存在/无权访问 page.
 */
export function QueryState<T>({
  q,
  children,
  optional,
  item,
}: {
  q: UseQueryResult<T>;
  children: (data: T) => ReactNode;
  optional?: string;
  item?: boolean;
}) {
  if (q.isPending) return <Skeleton active paragraph={{ rows: 4 }} />;
  if (q.isError) {
    if (optional && isUnavailable(q.error)) return <Unavailable what={optional} />;
    if (item && q.error instanceof ApiError && (q.error.status === 404 || q.error.status === 403))
      return (
        <NotFoundPage
          title={q.error.status === 403 ? '无权访问' : '不存在或无权访问'}
          detail={q.error.message}
        />
      );
    return (
      <Alert
        type="error"
        showIcon
        title={(q.error as Error).message || '加载失败'}
        action={
          <Button size="small" onClick={() => void q.refetch()}>
            重试
          </Button>
        }
      />
    );
  }
  return <>{children(q.data as T)}</>;
}

export function Unavailable({ what }: { what: string }) {
  return <Empty description={`${what}暂不可用（服务端尚未提供此功能）`} />;
}
