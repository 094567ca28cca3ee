// 签发检查点 (audit administrator): a signed checkpoint of every chain's head, appended to the checkpoint
// file and returned so the auditor can print or store it away from the database.
import { appendCheckpoint, takeCheckpoint, type Checkpoint } from '../audit/checkpoint';
import type { Actor } from '../auth/actor';
import { forbidden } from '../errors';
import type { Deps } from '../deps';
import { by, inTransaction } from './shared';

export async function issueCheckpoint(deps: Deps, o: { actor: Actor }): Promise<Checkpoint> {
  if (o.actor.kind !== 'auditor') throw forbidden('只有审计管理员可以签发审计检查点');
  const c = await takeCheckpoint(deps.db.kysely, deps.crypto, deps.clock.now().toISOString());
  appendCheckpoint(deps.config.audit.checkpointFile, c);
  await inTransaction(deps, (_trx, audit) => audit({ ...by(o.actor), event: 'audit_checkpoint', objectType: 'audit_log', detail: { chains: Object.keys(c.chains).length } }));
  return c;
}
