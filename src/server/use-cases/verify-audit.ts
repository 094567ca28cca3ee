// 审计链校验 (audit administrator only): walks every chain and compares it with the signed checkpoints in
// the configured checkpoint file (and any the auditor pastes from paper or another host). The auditor's
// check is itself an audited action (等保: 审计管理员的操作应被审计); the row is appended after the
// verification has read the log, never before.
import { parseCheckpoints, readCheckpointFile } from '../audit/checkpoint';
import { verifyChain, type ChainReport } from '../audit/verify';
import type { Actor } from '../auth/actor';
import { forbidden } from '../errors';
import type { Deps } from '../deps';
import { by, inTransaction } from './shared';

export async function verifyAudit(deps: Deps, o: { actor: Actor; checkpoints?: string }): Promise<ChainReport> {
  if (o.actor.kind !== 'auditor') throw forbidden('只有审计管理员可以校验审计日志');
  const checkpoints = [...readCheckpointFile(deps.config.audit.checkpointFile, deps.crypto), ...(o.checkpoints ? parseCheckpoints(o.checkpoints, deps.crypto) : [])];
  const report = await verifyChain(deps.db.kysely, deps.crypto, { checkpoints });
  await inTransaction(deps, (_trx, audit) =>
    audit({
      ...by(o.actor), event: 'audit_verify', outcome: report.ok ? 'success' : 'failure', objectType: 'audit_log',
      detail: { count: report.count, checkpoints: report.checkpoints.checked, firstBroken: report.firstBroken ? `${report.firstBroken.chain}#${report.firstBroken.seq}` : null },
    }),
  );
  return report;
}
