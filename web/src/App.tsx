// Session bootstrap and routing. An expired session (any 401) brings the user back to the login page
// with the server's message; the editor keeps unsaved work locally and offers it again after login. A
// session that still owes a step (the second factor, a forced password change, enrolling the
// authenticator) shows only that step until it is done.
// The login page is all the first download holds: the frame after login and every screen are chunks of
// their own, fetched when first needed (web/README.md has the sizes).
import { Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { onSessionExpired } from './api/client';
import { listReports } from './api/reports';
import { currentSession, logout } from './api/session';
import type { SessionView } from './api/types';
import { Loading } from './components/layout/Loading';
import { lazyScreen } from './lazy-screen';
import { clearAllUnsaved } from './lib/unsaved-store';
import { homePath, readsReports, unitText } from './lib/user';
import { LoginPage } from './pages/LoginPage';
import { navigate, parseRoute, setNavigationGuard, useLocationPath, useRoute, type Route } from './router';
import { SessionContext, type SessionState } from './session';

/** The screens after login, one line each: the route's name, its page module, and the page's props. */
const SCREENS: { [N in Exclude<Route['name'], 'login'>]: ReturnType<typeof lazyScreen<{ route: Extract<Route, { name: N }> }>> } = {
  reports: lazyScreen(async () => (await import('./pages/ReportListPage')).ReportListPage),
  report: lazyScreen(async () => {
    const { default: EditorPage } = await import('./pages/EditorPage');
    return ({ route }) => <EditorPage id={route.id} />;
  }),
  dashboard: lazyScreen(async () => (await import('./pages/DashboardPage')).default),
  audit: lazyScreen(async () => (await import('./pages/AuditPage')).AuditPage),
  tasks: lazyScreen(async () => (await import('./pages/TasksPage')).default),
  task: lazyScreen(async () => {
    const { default: TaskPage } = await import('./pages/TaskPage');
    return ({ route }) => <TaskPage id={route.id} />;
  }),
  rectifications: lazyScreen(async () => (await import('./pages/RectificationsPage')).default),
  rectification: lazyScreen(async () => {
    const { default: RectificationPage } = await import('./pages/RectificationPage');
    return ({ route }) => <RectificationPage id={route.id} />;
  }),
  templates: lazyScreen(async () => (await import('./pages/TemplatesPage')).TemplatesPage),
  library: lazyScreen(async () => (await import('./pages/LibraryPage')).default),
  org: lazyScreen(async () => (await import('./pages/OrgPage')).default),
  accounts: lazyScreen(async () => (await import('./pages/AccountsPage')).default),
  account: lazyScreen(async () => (await import('./pages/AccountPage')).default),
  notFound: lazyScreen(async () => (await import('./pages/NotFoundPage')).NotFoundPage),
};

const shell = lazyScreen(async () => (await import('./components/layout/Shell')).default);
const securitySetup = lazyScreen(async () => (await import('./pages/SecuritySetupPage')).SecuritySetupPage);

/** The frame and a screen, fetched together (the screen's chunk would otherwise wait for the frame's). */
function preload(route: Route): void {
  if (route.name === 'login') return;
  void shell.preload();
  void SCREENS[route.name].preload();
}

/** The step a session still owes, in the server's order (see src/server/http/auth-hook.ts pendingStep). */
export function pendingStep(v: SessionView): 'secondFactor' | 'password' | 'enrol' | null {
  if (v.secondFactor === 'pending') return 'secondFactor';
  if (v.mustChangePassword) return 'password';
  if (v.secondFactor === 'enrol') return 'enrol';
  return null;
}

export function App() {
  const route = useRoute();
  const path = useLocationPath();
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
      const owed = pendingStep(v);
      if (owed) {
        if (owed !== 'secondFactor') void securitySetup.preload();
        return;
      }
      const target = next && next !== '/login' ? next : homePath(v.user);
      preload(parseRoute(target));
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
    setNotice('已退出登录');
    setNext(null);
    setView(null);
    setNavigationGuard(null);
    navigate('/login', { replace: true });
  }, []);

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
  if (view && step) {
    const Setup = securitySetup.Component;
    return (
      <Suspense fallback={<Loading />}>
        <shell.Component screen={step} bare>
          <Setup key={step} step={step} displayName={view.user.displayName} onDone={() => void refresh()} onSignOut={() => void signOut()} />
        </shell.Component>
      </Suspense>
    );
  }
  if (!session || route.name === 'login') return <LoginPage notice={notice} onLoggedIn={onLoggedIn} />;

  preload(route);
  const Screen = SCREENS[route.name].Component as React.ComponentType<{ route: Route }>;
  return (
    <SessionContext.Provider value={session}>
      <Suspense fallback={<Loading />}>
        <shell.Component screen={path}>
          <Screen key={path} route={route} />
        </shell.Component>
      </Suspense>
    </SessionContext.Provider>
  );
}
