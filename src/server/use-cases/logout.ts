// 退出登录: the session row is deleted, so replaying the old cookie gets 401 (DB-AUTH-2c).
import type { Actor } from '../auth/actor';
import type { Deps } from '../deps';
import { deleteSession } from '../repositories/sessions';
import { by, inTransaction } from './shared';

export async function logout(deps: Deps, opts: { actor: Actor; tokenHash: string }): Promise<void> {
  await inTransaction(deps, async (trx, audit) => {
    await deleteSession(trx, opts.tokenHash);
    await audit({ ...by(opts.actor), event: 'logout', objectType: 'user', objectId: opts.actor.id });
  });
}
