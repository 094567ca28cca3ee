// The signed-in user, shared by every page.
import { createContext, useContext } from 'react';
import type { User } from './api/types';

export interface SessionState {
  user: User;
  /** the department or section line shown under the name */
  unit: string;
  signOut: () => Promise<void>;
}

export const SessionContext = createContext<SessionState | null>(null);

export function useSession(): SessionState {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionContext');
  return s;
}
