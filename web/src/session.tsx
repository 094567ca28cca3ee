// The signed-in user, shared by every page.
import { createContext, useContext } from 'react';
import type { SessionView, User } from './api/types';

/** What the account pages and the header need about the account's own security. */
export type AccountSecurity = Pick<SessionView, 'passwordExpiresAt' | 'totpEnabled' | 'secondFactorRequired'>;

export interface SessionState {
  user: User;
  /** optional so that pages' tests may give only a user; the app always provides both */
  security?: AccountSecurity;
  /** read the session again (after a password change or a second-factor change) */
  refresh?: () => Promise<void>;
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
