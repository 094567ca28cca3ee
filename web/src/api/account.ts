// The signed-in user's own account: the second factor (login step, enrolment, recovery codes), the
// password, and the list of their sessions.
import { api } from './client';
import type { SessionItem, SessionView, TotpStart } from './types';

/** The login's second step: a 6-digit code from the authenticator app, or one recovery code. */
export async function verifySecondFactor(answer: { code: string } | { recoveryCode: string }): Promise<SessionView> {
  return (await api<SessionView>('/api/session/second-factor', { method: 'POST', body: answer, allow401: true })).data;
}

export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  await api<null>('/api/session/password', { method: 'POST', body: { currentPassword, newPassword } });
}

/** A new secret and its otpauth:// link; from a normal session the current password is needed. */
export async function startTotp(password?: string): Promise<TotpStart> {
  return (await api<TotpStart>('/api/account/totp/start', { method: 'POST', body: password ? { password } : {} })).data;
}

export async function confirmTotp(code: string): Promise<string[]> {
  return (await api<{ recoveryCodes: string[] }>('/api/account/totp/confirm', { method: 'POST', body: { code } })).data.recoveryCodes;
}

export async function disableTotp(password: string): Promise<void> {
  await api<null>('/api/account/totp/disable', { method: 'POST', body: { password } });
}

export async function regenerateRecoveryCodes(password: string): Promise<string[]> {
  return (await api<{ recoveryCodes: string[] }>('/api/account/recovery-codes', { method: 'POST', body: { password } })).data.recoveryCodes;
}

export async function listSessions(): Promise<{ items: SessionItem[]; max: number }> {
  return (await api<{ items: SessionItem[]; max: number }>('/api/account/sessions')).data;
}

export async function endSession(id: string): Promise<void> {
  await api<{ ended: number }>(`/api/account/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export async function endOtherSessions(): Promise<number> {
  return (await api<{ ended: number }>('/api/account/sessions', { method: 'DELETE' })).data.ended;
}
