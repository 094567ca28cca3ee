import { Button, Result } from 'antd';
import { navigate } from '../router';

export function NotFoundPage() {
  return <Result status="404" title="页面不存在" subTitle="您访问的页面不存在或已被移除。" extra={<Button type="primary" onClick={() => navigate('/reports')}>返回我的报告</Button>} />;
}
