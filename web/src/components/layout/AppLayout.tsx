// The frame of every page after login: brand, the screens this account may open, and who is signed in
// (name, role in Chinese, department) with 账户安全 and 退出登录, and a reminder when the password is about
// to expire.
import { Button, Layout, Menu, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { has, homePath, readsReports, roleText, seesDashboard } from '../../lib/user';
import { InboxBell } from '../bureau/InboxBell';
import { navigate, useRoute } from '../../router';
import { useSession } from '../../session';
import { PasswordExpiryNotice } from '../account/PasswordExpiryNotice';

export function AppLayout({ children }: { children: ReactNode }) {
  const { user, unit, security, signOut } = useSession();
  const route = useRoute();
  const items = [
    ...(readsReports(user) ? [{ key: 'reports', label: seesDashboard(user) && !user.departmentId ? '报告列表' : '我的报告' }] : []),
    ...(seesDashboard(user) ? [{ key: 'tasks', label: '自评任务' }] : []),
    ...(readsReports(user) ? [{ key: 'rectifications', label: '整改' }] : []),
    ...(seesDashboard(user) ? [{ key: 'dashboard', label: '绩效看板' }] : []),
    ...(has(user, 'perf_admin') ? [{ key: 'templates', label: '评分表模板' }] : []),
    ...(readsReports(user) ? [{ key: 'library', label: '指标库' }] : []),
    ...(user.kind === 'sysadmin' ? [{ key: 'org', label: '组织机构' }] : []),
    ...(user.kind === 'sysadmin' || user.kind === 'secadmin' ? [{ key: 'accounts', label: '账户管理' }] : []),
    ...(user.kind === 'auditor' ? [{ key: 'audit', label: '审计日志' }] : []),
    ...(user.kind === 'business' && !readsReports(user) ? [{ key: 'audit', label: '系统管理' }] : []),
  ];
  const selected = route.name === 'report' ? 'reports' : route.name === 'task' ? 'tasks' : route.name === 'rectification' ? 'rectifications' : route.name;

  return (
    <Layout className="jx-shell">
      <Layout.Header className="jx-header">
        <a className="jx-brand" href="/reports" onClick={(e) => (e.preventDefault(), navigate(homePath(user)))}>
          <span className="jx-brand-mark">绩</span>
          <span className="jx-brand-name">绩效自评</span>
        </a>
        <Menu
          className="jx-nav"
          theme="dark"
          mode="horizontal"
          selectedKeys={[selected]}
          items={items}
          onClick={(e) => navigate(`/${e.key}`)}
        />
        {readsReports(user) && <InboxBell />}
        <div className="jx-user" data-testid="current-user">
          <PasswordExpiryNotice expiresAt={security?.passwordExpiresAt ?? null} />
          <div className="jx-user-text">
            <div className="jx-user-name">{user.displayName}</div>
            <div className="jx-user-meta">
              {roleText(user)}
              {unit ? ` · ${unit}` : ''}
            </div>
          </div>
          <Button ghost size="small" onClick={() => navigate('/account')} data-testid="account-link">
            账户安全
          </Button>
          <Tooltip title={`登录名：${user.username}`}>
            <Button ghost size="small" onClick={() => void signOut()}>
              退出登录
            </Button>
          </Tooltip>
        </div>
      </Layout.Header>
      <Layout.Content className="jx-content">{children}</Layout.Content>
    </Layout>
  );
}
