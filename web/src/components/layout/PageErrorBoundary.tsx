// A page that failed to render or to load (after an upgrade an open tab may ask for chunks that no
// longer exist) shows a plain message with a reload button instead of a blank screen.
import { Button, Result } from 'antd';
import { Component, type ReactNode } from 'react';

export class PageErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    const chunk = /dynamically imported module|Importing a module script failed|module script/i.test(this.state.error.message);
    return (
      <Result
        status="warning"
        title={chunk ? '系统已更新，请刷新页面' : '页面出现错误'}
        subTitle={chunk ? '新版本已发布，当前页面需要重新加载。' : `请刷新页面后重试。如问题持续，请联系管理员。（${this.state.error.message}）`}
        extra={<Button type="primary" onClick={() => window.location.reload()}>刷新页面</Button>}
      />
    );
  }
}
