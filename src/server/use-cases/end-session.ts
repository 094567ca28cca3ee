// 结束会话: the user ends one of their other sessions, or all of them but this one (ASVS 7.4.5).
import { AppError, notFound } from '../errors';
import type { Deps } from '../deps';
import { deleteSessionById, deleteUserSessions } from '../repositories/sessions';
import type { Authenticated } from './authenticate';
import { by, inTransaction } from './shared';

export async function endSession(deps: Deps, o: { auth: Authenticated; id: string | 'others' }): Promise<{ ended: number }> {
  const { actor, tokenHash, sessionId } = o.auth;
  if (o.id !== 'others' && o.id === sessionId) throw new AppError('VALIDATION', '要结束当前会话，请直接退出登录');
  return inTransaction(deps, async (trx, audit) => {
    const ended = o.id === 'others' ? await deleteUserSessions(trx, actor.id, { except: tokenHash }) : await deleteSessionById(trx, actor.id, o.id);
    if (o.id !== 'others' && ended === 0) throw notFound('会话');
    await audit({ ...by(actor), event: 'session_end', objectType: 'user', objectId: actor.id, detail: { which: o.id === 'others' ? 'others' : 'one', ended } });
    return { ended };
  });
}
