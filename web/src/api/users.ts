// /api/users: accounts for the 系统管理员 (add, disable) and the 安全管理员 (roles, password resets, lockouts). The server is the guard.
import type { z } from 'zod';
import type * as Http from '../../../src/server/http/schemas';
import { api } from './client';

export type Account = z.infer<typeof Http.UserView>;
export type NewAccount = z.infer<typeof Http.AddUserBody>;
export type RolesChange = z.infer<typeof Http.RolesBody>;

export async function listAccounts(): Promise<Account[]> {
  return (await api<{ items: Account[] }>('/api/users')).data.items;
}

export async function addAccount(body: NewAccount): Promise<Account> {
  return (await api<Account>('/api/users', { method: 'POST', body })).data;
}

export async function setAccountDisabled(id: string, disabled: boolean): Promise<Account> {
  return (await api<Account>(`/api/users/${encodeURIComponent(id)}/${disabled ? 'disable' : 'enable'}`, { method: 'POST' })).data;
}

export async function setAccountRoles(id: string, body: RolesChange): Promise<Account> {
  return (await api<Account>(`/api/users/${encodeURIComponent(id)}/roles`, { method: 'PUT', body })).data;
}

/** 重置密码 (安全管理员): a temporary password the user must change at the next login; ends their sessions, clears a lock. */
export async function resetAccountPassword(id: string, password: string): Promise<Account> {
  return (await api<Account>(`/api/users/${encodeURIComponent(id)}/password`, { method: 'POST', body: { password } })).data;
}

/** 解除锁定 (安全管理员). */
export async function unlockAccount(id: string): Promise<Account> {
  return (await api<Account>(`/api/users/${encodeURIComponent(id)}/unlock`, { method: 'POST' })).data;
}
