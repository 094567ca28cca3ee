// Session bootstrap and routing. An expired session (any 401) brings the user back to the login page
// with the server's message; the editor keeps unsaved work locally and offers it again after login.
// The login page is all the first download holds: the frame after login and every screen are chunks of
// their own, fetched when first needed (web/README.md has the sizes).
import { Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { onSessionExpired } from './api/client';
import { listReports } from './api/reports';
import { currentSession, logout } from './api/session';
import type { User } from './api/types';
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
  library: lazyScreen(async () => (await import('./pages/LibraryPage')).default),
  notFound: lazyScreen(async () => (await import('./pages/NotFoundPage')).NotFoundPage),
};

const shell = lazyScreen(async () => (await import('./components/layout/Shell')).default);

/** The frame and a screen, fetched together (the screen's chunk would otherwise wait for the frame's). */
function preload(route: Route): void {
  if (route.name === 'login') return;
  void shell.preload();
  void SCREENS[route.name].preload();
}

export function App() {
  const route = useRoute();
  const path = useLocationPath();
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
      preload(parseRoute(target));
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
    setNotice('已退出登录');
    setNext(null);
    setUser(null);
    setNavigationGuard(null);
    navigate('/login', { replace: true });
  }, []);

  const session = useMemo<SessionState | null>(
    () => (user ? { user, unit: unitText(user, department), signOut } : null),
    [user, department, signOut],
  );

  if (user === undefined) return <Loading />;
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
