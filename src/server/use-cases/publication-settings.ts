// 公开设置: whether the bureau's public site hides personal names other than the signers'. Read by
// the public site; set by the bureau's 绩效管理科 (or the CLI, actor null), audited.
import { nowIso, type Deps } from '../deps';
import { notFound } from '../errors';
import { assertPerfAdmin, auditBy, type BureauActor } from './bureau-shared';
import { inTransaction } from './shared';

export interface PublicationSettings {
  bureauId: string;
  /** hide personal names other than the signers' (phone numbers are always hidden) */
  redactNames: boolean;
}

export async function getPublicationSettings(deps: Deps, bureauId: string): Promise<PublicationSettings> {
  const s = await deps.db.kysely.selectFrom('publication_settings').select('redact_names').where('bureau_id', '=', bureauId).executeTakeFirst();
  return { bureauId, redactNames: s?.redact_names === 1 };
}

export async function setPublicationSettings(deps: Deps, o: { actor: BureauActor; bureauId: string; redactNames: boolean }): Promise<PublicationSettings> {
  if (o.actor) assertPerfAdmin(o.actor);
  if (o.actor && o.actor.bureauId !== o.bureauId) throw notFound('财政局');
  const at = nowIso(deps.clock);
  return inTransaction(deps, async (trx, audit) => {
    const bureau = await trx.selectFrom('bureaus').select('id').where('id', '=', o.bureauId).executeTakeFirst();
    if (!bureau) throw notFound('财政局');
    const before = await trx.selectFrom('publication_settings').select('redact_names').where('bureau_id', '=', o.bureauId).executeTakeFirst();
    const row = { redact_names: o.redactNames ? 1 : 0, updated_by: o.actor?.id ?? 'cli', updated_at: at };
    if (before) await trx.updateTable('publication_settings').set(row).where('bureau_id', '=', o.bureauId).execute();
    else await trx.insertInto('publication_settings').values({ bureau_id: o.bureauId, ...row }).execute();
    await audit({ ...auditBy(o.actor), event: 'publication_settings', objectType: 'bureau', objectId: o.bureauId, detail: { redactNames: o.redactNames, before: before ? before.redact_names === 1 : false } });
    return { bureauId: o.bureauId, redactNames: o.redactNames };
  });
}
