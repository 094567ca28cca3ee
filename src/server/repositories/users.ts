// Accounts and their roles.
import type { Insertable, Selectable } from 'kysely';
import type { Role } from '../../core/workflow/index';
import type { DB, SessionTable, UserTable } from '../db/schema';

export type UserRow = Selectable<UserTable>;

export interface UserWithRoles extends UserRow {
  roles: Role[];
}

async function withRoles(db: DB, user: UserRow | undefined): Promise<UserWithRoles | undefined> {
  if (!user) return undefined;
  const rows = await db.selectFrom('user_roles').select('role').where('user_id', '=', user.id).orderBy('role').execute();
  return { ...user, roles: rows.map((r) => r.role as Role) };
}

export async function findUserByUsername(db: DB, folded: string): Promise<UserWithRoles | undefined> {
  return withRoles(db, await db.selectFrom('users').selectAll().where('username', '=', folded).executeTakeFirst());
}

/** A session and its user in one round trip (every authenticated request makes this lookup). */
export async function findSessionUser(db: DB, tokenHash: string): Promise<{ session: SessionTable; user: UserWithRoles | undefined } | undefined> {
  const row = await db
    .selectFrom('sessions as s')
    .leftJoin('users as u', 'u.id', 's.user_id')
    .select(['s.token_hash', 's.id as s_id', 's.user_id', 's.created_at as s_created_at', 's.last_seen_at', 's.expires_at', 's.ip', 's.mfa', 's.user_agent'])
    .selectAll('u')
    .where('s.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row) return undefined;
  const { token_hash, s_id, user_id, s_created_at, last_seen_at, expires_at, ip, mfa, user_agent, ...u } = row;
  const session: SessionTable = { token_hash, id: s_id, user_id, created_at: s_created_at, last_seen_at, expires_at, ip, mfa, user_agent };
  return { session, user: u.id == null ? undefined : await withRoles(db, u as UserRow) };
}

export async function findUserById(db: DB, id: string): Promise<UserWithRoles | undefined> {
  return withRoles(db, await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst());
}

export async function insertUser(db: DB, user: Insertable<UserTable>, roles: readonly Role[]): Promise<void> {
  await db.insertInto('users').values(user).execute();
  await setUserRoles(db, user.id, roles);
}

export async function setUserRoles(db: DB, userId: string, roles: readonly Role[]): Promise<void> {
  await db.deleteFrom('user_roles').where('user_id', '=', userId).execute();
  if (roles.length > 0)
    await db.insertInto('user_roles').values(roles.map((role) => ({ user_id: userId, user_kind: 'business' as const, role }))).execute();
}

export async function updateUser(db: DB, id: string, patch: Partial<UserRow>): Promise<void> {
  await db.updateTable('users').set(patch).where('id', '=', id).execute();
}

export async function countUsers(db: DB): Promise<number> {
  const r = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function listUsers(db: DB): Promise<UserWithRoles[]> {
  const users = await db.selectFrom('users').selectAll().orderBy('username').execute();
  const roles = await db.selectFrom('user_roles').select(['user_id', 'role']).execute();
  return users.map((u) => ({ ...u, roles: roles.filter((r) => r.user_id === u.id).map((r) => r.role as Role).sort() }));
}

/** Accepts a TOTP time step only if it is later than the last one accepted (two requests with one code: one wins). */
export async function advanceTotpStep(db: DB, id: string, step: number): Promise<boolean> {
  const r = await db
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
