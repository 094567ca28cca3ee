// 签署: records who signed, as which role, when, and the SHA-256 of the content that role attests
// (core/workflow/signature.ts), and writes the signature on the form — the block's signer and date, or
// the evaluator's 签字 cell — as a new version, so the printed report and the sign-off checks see it.
// A later change to the attested content makes the digest differ: the signature shows as void.
import { checkSignature, type ReportStatus, type SignatureRole } from '../../core/workflow/index';
import { withSignature } from '../../core/workflow/signature';
import { effectiveRoles } from '../auth/access';
import type { Actor } from '../auth/actor';
import { AppError, forbidden } from '../errors';
import { nowIso, type Deps } from '../deps';
import { EncodedJson } from '../repositories/json';
import { findReport, updateContent } from '../repositories/reports';
import { insertSignature } from '../repositories/reviews';
import { insertVersion } from '../repositories/versions';
import { staleError } from './save-report';
import { by, inTransaction, loadVisibleReport, projection } from './shared';
import { attestedDigest, chinaDay, signatureView, type SignatureView } from './signature-view';

export async function signReport(deps: Deps, o: { actor: Actor; id: string; role: SignatureRole; opinion?: string }): Promise<SignatureView> {
  const at = nowIso(deps.clock);
  return inTransaction(deps, async (trx, audit) => {
    // Read inside the transaction: the digest must be of the content as it is when the row commits.
    const row = await loadVisibleReport(deps, o.actor, o.id, trx);
    const c = checkSignature(row.status as ReportStatus, o.role, effectiveRoles(o.actor, row));
    if (!c.ok && c.reason === 'role') throw forbidden('您没有以该身份签署的权限');
    if (!c.ok) throw new AppError('INVALID_STATE', '报告当前状态下不能以该身份签署');
    const signed = withSignature(row.document, o.role, o.actor.displayName, chinaDay(at), o.opinion);
    const digest = attestedDigest(signed, o.role);
    const changed = JSON.stringify(signed) !== JSON.stringify(row.document);
    let version = row.version;
    if (changed) {
      const document = new EncodedJson(JSON.stringify(signed));
      const won = await updateContent(trx, deps.db.dialect, row.id, row.version, { document, ...projection(signed), updated_by: o.actor.id, updated_at: at });
      if (!won) throw staleError((await findReport(trx, row.id)) ?? row);
      version = row.version + 1;
      await insertVersion(trx, deps.db.dialect, { report_id: row.id, version, status: row.status, action: 'sign', document, user_id: o.actor.id, created_at: at });
    }
    const sig = {
      id: deps.random.uuid(), report_id: row.id, version, role: o.role, user_id: o.actor.id,
      signer_name: o.actor.displayName, opinion: o.opinion?.trim() ?? '', report_hash: digest, created_at: at,
    };
    await insertSignature(trx, sig);
    await audit({ ...by(o.actor), event: 'report_sign', objectType: 'report', objectId: row.id, detail: { role: o.role, version, reportHash: digest } });
    return signatureView(sig, signed);
  });
}
