// Session bootstrap and routing. An expired session (any 401) brings the user back to the login page
// with the server's message; the editor keeps unsaved work locally and offers it again after login. A
// session that still owes a step (the second factor, a forced password change, enrolling the
// authenticator) shows only that step until it is done.
import { App as AntApp, Spin } from 'antd';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { onSessionExpired } from './api/client';
import { listReports } from './api/reports';
import { currentSession, logout } from './api/session';
import type { SessionView } from './api/types';
import { AppLayout } from './components/layout/AppLayout';
import { PageErrorBoundary } from './components/layout/PageErrorBoundary';
import { clearAllUnsaved } from './lib/unsaved-store';
import { homePath, readsReports, unitText } from './lib/user';
import { AuditPage } from './pages/AuditPage';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { ReportListPage } from './pages/ReportListPage';
import { SecuritySetupPage } from './pages/SecuritySetupPage';
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
const AccountPage = lazy(() => import('./pages/AccountPage'));

/** The step a session still owes, in the server's order (see src/server/http/auth-hook.ts pendingStep). */
export function pendingStep(v: SessionView): 'secondFactor' | 'password' | 'enrol' | null {
  if (v.secondFactor === 'pending') return 'secondFactor';
  if (v.mustChangePassword) return 'password';
  if (v.secondFactor === 'enrol') return 'enrol';
  return null;
}

const Loading = () => (
  <div className="jx-center-page">
    <Spin size="large" description="正在加载…" />
  </div>
);

export function App() {
  const route = useRoute();
  const path = useLocationPath();
  const { message } = AntApp.useApp();
  const [view, setView] = useState<SessionView | null | undefined>(undefined);
  const user = view === undefined ? undefined : (view?.user ?? null);
  const step = view ? pendingStep(view) : null;
  const [department, setDepartment] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [next, setNext] = useState<string | null>(null);

  useEffect(() => {
    currentSession()
      .then((s) => setView(s))
      .catch(() => setView(null));
  }, []);

  useEffect(
    () =>
      onSessionExpired((msg, code) => {
        // "请先登录" reads oddly to someone who was working a minute ago
        setNotice(code === 'UNAUTHENTICATED' || !msg ? '登录已失效，请重新登录' : msg);
        setNext(window.location.pathname === '/login' ? null : window.location.pathname);
        setView(null);
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
    if (user && !step && (route.name === 'login' || path === '/')) navigate(homePath(user), { replace: true });
  }, [user, step, route.name, path, next]);

  /** A session arrived (login, a finished step): open where the user was going once nothing is owed. */
  const onLoggedIn = useCallback(
    (v: SessionView) => {
      setNotice(null);
      setView(v);
      if (pendingStep(v)) return;
      const target = next && next !== '/login' ? next : homePath(v.user);
      setNext(null);
      navigate(target, { replace: true });
    },
    [next],
  );

  const refresh = useCallback(async () => {
    const v = await currentSession();
    if (v) onLoggedIn(v);
    else setView(null);
  }, [onLoggedIn]);

  const signOut = useCallback(async () => {
    try {
      await logout();
    } catch {
      // the server may already have dropped the session; leaving is what matters
    }
    clearAllUnsaved();
    setNotice(null);
    setNext(null);
    setView(null);
    setNavigationGuard(null);
    message.success('已退出登录');
    navigate('/login', { replace: true });
  }, [message]);

  // refresh without navigating: the account page stays where it is
  const reread = useCallback(async () => {
    const v = await currentSession();
    setView(v);
  }, []);

  const session = useMemo<SessionState | null>(
    () =>
      view
        ? {
            user: view.user,
            unit: unitText(view.user, department),
            security: { passwordExpiresAt: view.passwordExpiresAt, totpEnabled: view.totpEnabled, secondFactorRequired: view.secondFactorRequired },
            refresh: reread,
            signOut,
          }
        : null,
    [view, department, signOut, reread],
  );

  if (view === undefined) return <Loading />;
  if (step === 'secondFactor') return <LoginPage notice={notice} onLoggedIn={onLoggedIn} secondFactorPending onAbandon={() => setView(null)} />;
  if (view && step) return <SecuritySetupPage key={step} step={step} displayName={view.user.displayName} onDone={() => void refresh()} onSignOut={() => void signOut()} />;
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
          {route.name === 'account' && <AccountPage />}
          {route.name === 'notFound' && <NotFoundPage />}
        </Suspense>
        </PageErrorBoundary>
      </AppLayout>
    </SessionContext.Provider>
  );
}
