// A small history router: the app has five screens, so a dependency is not worth it. The server
// answers every non-API GET with index.html, so deep links and reloads work.
import { useSyncExternalStore } from 'react';

export type Route =
  | { name: 'login' }
  | { name: 'reports' }
  | { name: 'report'; id: string }
  | { name: 'dashboard' }
  | { name: 'audit' }
  | { name: 'tasks' }
  | { name: 'task'; id: string }
  | { name: 'rectifications' }
  | { name: 'rectification'; id: string }
  | { name: 'templates' }
  | { name: 'library' }
  | { name: 'org' }
  | { name: 'accounts' }
  | { name: 'account' }
  | { name: 'notFound' };

export function parseRoute(pathname: string): Route {
  const p = pathname.replace(/\/+$/, '') || '/';
  if (p === '/' || p === '/reports') return { name: 'reports' };
  if (p === '/login') return { name: 'login' };
  if (p === '/dashboard') return { name: 'dashboard' };
  if (p === '/audit') return { name: 'audit' };
  if (p === '/templates') return { name: 'templates' };
  if (p === '/library') return { name: 'library' };
  if (p === '/org') return { name: 'org' };
  if (p === '/accounts') return { name: 'accounts' };
  if (p === '/account') return { name: 'account' };
  if (p === '/tasks') return { name: 'tasks' };
  if (p === '/rectifications') return { name: 'rectifications' };
  const m = /^\/(reports|tasks|rectifications)\/([^/]+)$/.exec(p);
  if (m) {
    const id = decodeURIComponent(m[2]!);
    return m[1] === 'reports' ? { name: 'report', id } : m[1] === 'tasks' ? { name: 'task', id } : { name: 'rectification', id };
  }
  return { name: 'notFound' };
}

export function routePath(r: Route): string {
  switch (r.name) {
    case 'report':
      return `/reports/${encodeURIComponent(r.id)}`;
    case 'task':
      return `/tasks/${encodeURIComponent(r.id)}`;
    case 'rectification':
      return `/rectifications/${encodeURIComponent(r.id)}`;
    case 'reports':
      return '/reports';
    case 'notFound':
      return '/';
    default:
      return `/${r.name}`;
  }
}

const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());
if (typeof window !== 'undefined') window.addEventListener('popstate', emit);

/** Navigation may be vetoed (unsaved work): a guard returns false to stay. */
let guard: (() => boolean) | null = null;
export function setNavigationGuard(g: (() => boolean) | null): void {
  guard = g;
}

export function navigate(r: Route | string, opts: { replace?: boolean } = {}): void {
  const path = typeof r === 'string' ? r : routePath(r);
  if (path === window.location.pathname + window.location.search) return;
  if (guard && !guard()) return;
  if (opts.replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  emit();
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function useLocationPath(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname, () => '/');
}

export function useRoute(): Route {
  return parseRoute(useLocationPath());
}
