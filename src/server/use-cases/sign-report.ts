// 签署: records who signed, as which role, when, and the digest of the content that role attests
// (core/workflow/signature.ts: the department's signers the department's content, the 归口科室 its
// opinion too), and writes the signature on the form — the block's signer and date, or the evaluator's
// 签字 cell — as a new version. A later change to the attested content voids the signature. Separation of duties
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
import { withSignature, attestedContent } from '../../core/workflow/signature';
import { reportDigest } from '../audit/canonical';
import { sealPersonal } from '../crypto/personal-data';
import { EncodedJson } from '../repositories/json';
import { findReportHead, updateContent } from '../repositories/reports';
import { insertVersion, setVersionDelta } from '../repositories/versions';
import { reverseDelta } from '../repositories/version-delta';
import { insertSignature } from '../repositories/reviews';
import { dutyContext } from './duty-context';
import { by, inTransaction, loadVisibleReport, projection } from './shared';
import { chinaDay, signatureView, type SignatureView } from './signature-view';

export async function signReport(deps: Deps, o: { actor: Actor; id: string; role: SignatureRole; opinion?: string }): Promise<SignatureView & { created: boolean }> {
  const at = nowIso(deps.clock);
  const row = await loadVisibleReport(deps, o.actor, o.id);
  const c = checkSignature(row.status as ReportStatus, o.role, effectiveRoles(o.actor, row));
  if (!c.ok && c.reason === 'role') throw forbidden('您没有以该身份签署的权限');
  if (!c.ok) throw new AppError('INVALID_STATE', '报告当前状态下不能以该身份签署');
  const context = await dutyContext(deps, deps.db.kysely, o.actor, row, { digest: true });
  const duty = checkDuty({ sign: o.role }, context);
  if (!duty.ok) throw new AppError('SEPARATION_OF_DUTIES', duty.message);
  const signed = withSignature(row.document, o.role, o.actor.displayName, chinaDay(at), o.opinion);
  const digest = reportDigest(deps.crypto, attestedContent(signed, o.role));
  const same = (stored: string) => stored === digest;
  const mine = (db: typeof deps.db.kysely) =>
    db.selectFrom('signatures').selectAll().where('report_id', '=', row.id).where('role', '=', o.role).where('user_id', '=', o.actor.id).where('report_hash', '=', digest).executeTakeFirst();
  return inTransaction(deps, async (trx, audit) => {
    // a report that moved on since the read is a conflict, unless what moved it is this very signature
    // (an identical request that committed first, which also wrote the signature on the form)
    const conflict = async () => {
      const existing = await mine(trx);
      if (existing) return { ...signatureView(existing, same), created: false };
      throw new AppError('CONFLICT', '报告刚被修改，请刷新后再签署');
    };
    // the digest is of the version read above: it must still be the report's content when the row commits
    const head = await findReportHead(trx, row.id);
    if (!head || head.version !== row.version) return conflict();
    let version = row.version;
    if (JSON.stringify(signed) !== JSON.stringify(row.document)) {
      // stored as every save stores it: personal fields sealed, the version before kept as a reverse delta
      const sealed = sealPersonal(deps.crypto, signed);
      const document = new EncodedJson(JSON.stringify(sealed));
      if (!(await updateContent(trx, deps.db.dialect, row.id, row.version, { document, ...projection(signed), updated_by: o.actor.id, updated_at: at })))
        return conflict();
      version = row.version + 1;
      const delta = reverseDelta(sealed, sealPersonal(deps.crypto, row.document));
      if (delta) await setVersionDelta(trx, { report_id: row.id, version: row.version, delta });
      await insertVersion(trx, { report_id: row.id, version, status: row.status, action: 'sign', user_id: o.actor.id, created_at: at });
    }
    const existing = await mine(trx);
    if (existing) return { ...signatureView(existing, same), created: false };
    const sig = {
      id: deps.random.uuid(), report_id: row.id, version, role: o.role, user_id: o.actor.id,
      signer_name: o.actor.displayName, opinion: o.opinion?.trim() ?? '', report_hash: digest, created_at: at,
    };
    // false: a concurrent identical request committed first (PostgreSQL): answer with its signature
    if (!(await insertSignature(trx, sig))) return { ...signatureView((await mine(trx))!, same), created: false };
    await audit({ ...by(o.actor), event: 'report_sign', objectType: 'report', objectId: row.id, detail: { role: o.role, version, reportHash: digest } });
    return { ...signatureView(sig, same), created: true };
  });
}
