// 审计链校验 (audit administrator only): walks the hash chain; the check itself is audited.
import { verifyChain, type ChainReport } from '../audit/chain';
import type { Actor } from '../auth/actor';
import { forbidden } from '../errors';
import type { Deps } from '../deps';
import { by, inTransaction } from './shared';

export async function verifyAudit(deps: Deps, o: { actor: Actor }): Promise<ChainReport> {
  if (o.actor.kind !== 'auditor') throw forbidden('只有审计管理员可以校验审计日志');
  const report = await verifyChain(deps.db.kysely);
  await inTransaction(deps, (_trx, audit) =>
    audit({ ...by(o.actor), event: 'audit_verify', outcome: report.ok ? 'success' : 'failure', objectType: 'audit_log', detail: { count: report.count, firstBroken: report.firstBroken?.seq ?? null } }),
  );
  return report;
}
