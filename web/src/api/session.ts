// Session endpoints: log in, who am I, log out.
import { api } from './client';
import type { SessionView } from './types';

export async function login(username: string, password: string): Promise<SessionView> {
  return (await api<SessionView>('/api/session', { method: 'POST', body: { username, password }, allow401: true })).data;
}

/** Who is signed in: null for a visitor (200 `{ user: null }`) or a session that ended (401). */
export async function currentSession(): Promise<SessionView | null> {
  try {
    const view = (await api<SessionView | { user: null }>('/api/session', { allow401: true })).data;
    return view.user ? (view as SessionView) : null;
  } catch (err) {
    if ((err as { status?: number }).status === 401) return null;
    throw err;
  }
}

export async function logout(): Promise<void> {
  await api<null>('/api/session', { method: 'DELETE', allow401: true });
}
