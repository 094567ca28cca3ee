// 用户列表 for the system and security administrators: accounts only, never report content.
import type { Actor } from '../auth/actor';
import { forbidden } from '../errors';
import type { Deps } from '../deps';
import { listUsers as all } from '../repositories/users';
import { accountLocks, userView, type UserView } from './user-view';

export async function listUsers(deps: Deps, o: { actor: Actor }): Promise<UserView[]> {
  if (o.actor.kind !== 'sysadmin' && o.actor.kind !== 'secadmin') throw forbidden('只有系统管理员和安全管理员可以查看账户列表');
  const users = await all(deps.db.kysely);
  const locks = users.length ? await accountLocks(deps, users.map((u) => u.username)) : new Map<string, string>();
  return users.map((u) => userView(u, locks.get(u.username) ?? null));
}
