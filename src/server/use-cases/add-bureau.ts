// 新增财政局 (system administrator or the local CLI): the first step of a fresh installation.
import { isUniqueViolation } from '../db/errors';
import { nowIso, type Deps } from '../deps';
import { AppError } from '../errors';
import { findBureauByName, insertBureau } from '../repositories/org';
import { assertOrgAdmin, auditActor, bureauView, cleanName, type BureauView, type OrgActor } from './org-shared';
import { inTransaction } from './shared';

export async function addBureau(deps: Deps, o: { actor: OrgActor; name: string; region?: string }): Promise<BureauView> {
  assertOrgAdmin(o.actor);
  const name = cleanName(o.name, '财政局名称');
  const region = o.region?.trim() ? cleanName(o.region, '行政区划', 50) : '';
  const row = { id: deps.random.uuid(), name, region, created_at: nowIso(deps.clock) };
  const duplicate = () => new AppError('CONFLICT', `财政局“${name}”已存在`);
  try {
    await inTransaction(deps, async (trx, audit) => {
      if (await findBureauByName(trx, name)) throw duplicate();
      await insertBureau(trx, row);
      await audit({ ...auditActor(o.actor), event: 'org_bureau_add', objectType: 'bureau', objectId: row.id, detail: { name, region } });
    });
  } catch (err) {
    // a concurrent insert of the same name got there between our check and our insert
    throw isUniqueViolation(err) ? duplicate() : err;
  }
  return bureauView(row);
}
