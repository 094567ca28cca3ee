// Session bootstrap and routing. An expired session (any 401) brings the user back to the login page
// with the server's message; the editor keeps unsaved work locally and offers it again after login.
import { App as AntApp, Spin } from 'antd';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { onSessionExpired } from './api/client';
import { listReports } from './api/reports';
import { currentSession, logout } from './api/session';
import type { User } from './api/types';
import { AppLayout } from './components/layout/AppLayout';
import { PageErrorBoundary } from './components/layout/PageErrorBoundary';
import { clearAllUnsaved } from './lib/unsaved-store';
import { homePath, readsReports, unitText } from './lib/user';
import { AuditPage } from './pages/AuditPage';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { ReportListPage } from './pages/ReportListPage';
import { navigate, setNavigationGuard, useLocationPath, useRoute } from './router';
import { SessionContext, type SessionState } from './session';

const EditorPage = lazy(() => import('./pages/EditorPage'));
const DashboardPage = lazy(() => import('./pages/DashboardPage'));
const TasksPage = lazy(() => import('./pages/TasksPage'));
const TaskPage = lazy(() => import('./pages/TaskPage'));
const RectificationsPage = lazy(() => import('./pages/RectificationsPage'));
const RectificationPage = lazy(() => import('./pages/RectificationPage'));
const TemplatesPage = lazy(() => import('./pages/TemplatesPage').then((m) => ({ default: m.TemplatesPage })));
const LibraryPage = lazy(() => import('./pages/LibraryPage'));
const OrgPage = lazy(() => import('./pages/OrgPage'));
const AccountsPage = lazy(() => import('./pages/AccountsPage'));

const Loading = () => (
  <div className="jx-center-page">
    <Spin size="large" description="正在加载…" />
  </div>
);

export function App() {
  const route = useRoute();
  const path = useLocationPath();
  const { message } = AntApp.useApp();
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const [department, setDepartment] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [next, setNext] = useState<string | null>(null);

  useEffect(() => {
    currentSession()
      .then((s) => setUser(s?.user ?? null))
      .catch(() => setUser(null));
  }, []);

  useEffect(
    () =>
      onSessionExpired((msg, code) => {
        // "请先登录" reads oddly to someone who was working a minute ago
        setNotice(code === 'UNAUTHENTICATED' || !msg ? '登录已失效，请重新登录' : msg);
        setNext(window.location.pathname === '/login' ? null : window.location.pathname);
        setUser(null);
        setNavigationGuard(null);
        navigate('/login', { replace: true });
      }),
    [],
  );

  // The session answer carries ids only; a department user's department name comes with their reports.
  useEffect(() => {
    setDepartment(null);
    if (!user || user.departmentName || !user.departmentId || !readsReports(user)) return;
    listReports()
      .then((items) => setDepartment(items.find((i) => i.departmentId === user.departmentId)?.departmentName ?? null))
      .catch(() => undefined);
  }, [user]);

  useEffect(() => {
    if (user === null && route.name !== 'login') {
      if (!next && path !== '/' && path !== '/login') setNext(path);
      navigate('/login', { replace: true });
    }
    if (user && (route.name === 'login' || path === '/')) navigate(homePath(user), { replace: true });
  }, [user, route.name, path, next]);

  const onLoggedIn = useCallback(
    (u: User) => {
      setNotice(null);
      setUser(u);
      const target = next && next !== '/login' ? next : homePath(u);
      setNext(null);
      navigate(target, { replace: true });
    },
    [next],
  );

  const signOut = useCallback(async () => {
    try {
      await logout();
    } catch {
      // the server may already have dropped the session; leaving is what matters
    }
    clearAllUnsaved();
    setNotice(null);
    setNext(null);
    setUser(null);
    setNavigationGuard(null);
    message.success('已退出登录');
    navigate('/login', { replace: true });
  }, [message]);

  const session = useMemo<SessionState | null>(
    () => (user ? { user, unit: unitText(user, department), signOut } : null),
    [user, department, signOut],
  );

  if (user === undefined) return <Loading />;
  if (!session || route.name === 'login') return <LoginPage notice={notice} onLoggedIn={onLoggedIn} />;

  return (
    <SessionContext.Provider value={session}>
      <AppLayout>
        <PageErrorBoundary key={path}>
        <Suspense fallback={<Loading />}>
          {route.name === 'reports' && <ReportListPage />}
          {route.name === 'report' && <EditorPage key={route.id} id={route.id} />}
          {route.name === 'dashboard' && <DashboardPage />}
          {route.name === 'audit' && <AuditPage />}
          {route.name === 'tasks' && <TasksPage />}
          {route.name === 'task' && <TaskPage key={route.id} id={route.id} />}
          {route.name === 'rectifications' && <RectificationsPage />}
          {route.name === 'rectification' && <RectificationPage key={route.id} id={route.id} />}
          {route.name === 'templates' && <TemplatesPage />}
          {route.name === 'library' && <LibraryPage />}
          {route.name === 'org' && <OrgPage />}
          {route.name === 'accounts' && <AccountsPage />}
          {route.name === 'notFound' && <NotFoundPage />}
        </Suspense>
        </PageErrorBoundary>
      </AppLayout>
    </SessionContext.Provider>
  );
}
