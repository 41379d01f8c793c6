import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';

/** The page for an address no page answers, and for an item the caller may not see (the API says 404 for both). */
export function NotFoundPage({ title = '不存在或无权访问', detail }: { title?: string; detail?: string }) {
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={title}
      subTitle={detail ?? '您访问的页面不存在，或您无权访问该内容。'}
      extra={[
        <Button key="back" onClick={() => navigate(-1)}>
          返回上一页
        </Button>,
        <Button key="home" type="primary" onClick={() => navigate('/')}>
          回到首页
        </Button>,
      ]}
    />
  );
}
