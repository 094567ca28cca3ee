// 删除草稿: a preparer withdraws a draft of their department before it was ever submitted (a draft was
// never submitted: submission leads to 部门审核中, and a return to 已退回). The report and its history go;
// the audit row keeps what it was (year, task, version, content digest). Its task then shows the
// department as 未开始, and the department may create or import again.
import { reportDigest } from '../audit/canonical';
import type { Actor } from '../auth/actor';
import { nowIso, type Deps } from '../deps';
import { AppError, forbidden } from '../errors';
import { by, inTransaction, loadVisibleReport } from './shared';

export async function withdrawReport(deps: Deps, o: { actor: Actor; id: string; ifMatch?: number | null }): Promise<{ id: string; deleted: true }> {
  const row = await loadVisibleReport(deps, o.actor, o.id);
  if (!(o.actor.departmentId === row.department_id && o.actor.roles.includes('preparer'))) throw forbidden('只有本部门填报人可以删除草稿');
  if (row.status !== 'draft') throw new AppError('INVALID_STATE', '报告已提交过，不能删除；如需修改请在退回后修改');
  if (o.ifMatch != null && o.ifMatch !== row.version) throw new AppError('CONFLICT', '草稿刚被修改，请刷新后再删除');
  const digest = reportDigest(deps.crypto, row.document);
  await inTransaction(deps, async (trx, audit) => {
    const gone = await trx.selectFrom('reports').select('id').where('id', '=', row.id).where('status', '=', 'draft').where('version', '=', row.version).executeTakeFirst();
    if (!gone) throw new AppError('CONFLICT', '草稿刚被修改或提交，请刷新后再试');
    // what may point at a draft: its history, signatures of the evaluation team, figures, 指标库 usage, copy matches
    for (const t of ['report_versions', 'signatures', 'waivers', 'returns', 'report_stats', 'library_usage', 'report_sources'] as const) await trx.deleteFrom(t).where('report_id', '=', row.id).execute();
    await trx.deleteFrom('copy_matches').where((eb) => eb.or([eb('report_id', '=', row.id), eb('other_report_id', '=', row.id)])).execute();
    await trx.updateTable('rectification_notices').set({ report_id: null }).where('report_id', '=', row.id).execute();
    await trx.deleteFrom('reports').where('id', '=', row.id).execute();
    await audit({ ...by(o.actor), event: 'report_withdraw', objectType: 'report', objectId: row.id, detail: { year: row.year, departmentId: row.department_id, taskId: row.task_id, version: row.version, digest, at: nowIso(deps.clock) } });
  });
  return { id: row.id, deleted: true };
}
