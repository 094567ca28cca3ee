// 签署: records who signed, as which role, when, and the digest of the canonical report JSON. A later
// content change makes the digest differ, so the signature shows as no longer valid. Separation of duties
// applies (the head does not sign what they submitted; the 归口科室 is outside the department), and the
// request is idempotent per signer and content: asking again, or ten times at once, gives one signature.
// The digest is computed before the transaction (in the heavy-work pool for a large report); the
// transaction then only confirms the report is still that version.
import { checkDuty } from '../../core/workflow/duties';
import { checkSignature, type ReportStatus, type SignatureRole } from '../../core/workflow/index';
import { effectiveRoles } from '../auth/access';
import type { Actor } from '../auth/actor';
import { AppError, forbidden } from '../errors';
import { nowIso, type Deps } from '../deps';
import { findReportHead } from '../repositories/reports';
import { insertSignature } from '../repositories/reviews';
import { dutyContext } from './duty-context';
import { by, inTransaction, loadVisibleReport } from './shared';
import { signatureView, type SignatureView } from './signature-view';

export async function signReport(deps: Deps, o: { actor: Actor; id: string; role: SignatureRole; opinion?: string }): Promise<SignatureView & { created: boolean }> {
  const at = nowIso(deps.clock);
  const row = await loadVisibleReport(deps, o.actor, o.id);
  const c = checkSignature(row.status as ReportStatus, o.role, effectiveRoles(o.actor, row));
  if (!c.ok && c.reason === 'role') throw forbidden('您没有以该身份签署的权限');
  if (!c.ok) throw new AppError('INVALID_STATE', '报告当前状态下不能以该身份签署');
  const context = await dutyContext(deps, deps.db.kysely, o.actor, row, { digest: true });
  const duty = checkDuty({ sign: o.role }, context);
  if (!duty.ok) throw new AppError('SEPARATION_OF_DUTIES', duty.message);
  const digest = context.digest!;
  const same = (stored: string) => stored === digest;
  const mine = (db: typeof deps.db.kysely) =>
    db.selectFrom('signatures').selectAll().where('report_id', '=', row.id).where('role', '=', o.role).where('user_id', '=', o.actor.id).where('report_hash', '=', digest).executeTakeFirst();
  return inTransaction(deps, async (trx, audit) => {
    // the digest is of the version read above: it must still be the report's content when the row commits
    const head = await findReportHead(trx, row.id);
    if (!head || head.version !== row.version) throw new AppError('CONFLICT', '报告刚被修改，请刷新后再签署');
    const existing = await mine(trx);
    if (existing) return { ...signatureView(existing, same), created: false };
    const sig = {
      id: deps.random.uuid(), report_id: row.id, version: row.version, role: o.role, user_id: o.actor.id,
      signer_name: o.actor.displayName, opinion: o.opinion?.trim() ?? '', report_hash: digest, created_at: at,
    };
    // false: a concurrent identical request committed first (PostgreSQL): answer with its signature
    if (!(await insertSignature(trx, sig))) return { ...signatureView((await mine(trx))!, same), created: false };
    await audit({ ...by(o.actor), event: 'report_sign', objectType: 'report', objectId: row.id, detail: { role: o.role, version: row.version, reportHash: digest } });
    return { ...signatureView(sig, same), created: true };
  });
}
