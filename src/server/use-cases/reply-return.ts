// 异议与答复: the department answers a return reason — accepts it, or disputes it with an explanation —
// and the bureau replies; each reply may name the cell it is about, so the reviewer reads the thread per
// cell. Audited; the report itself does not change.
import { effectiveRoles, isDepartmentMember } from '../auth/access';
import type { Actor } from '../auth/actor';
import { nowIso, type Deps } from '../deps';
import { AppError, forbidden, notFound } from '../errors';
import { insertReply } from '../repositories/review-extras';
import { by, inTransaction, loadVisibleReport } from './shared';

export interface ReplyOptions {
  actor: Actor;
  reportId: string;
  returnId: string;
  stance: 'accept' | 'dispute' | 'reply';
  text: string;
  path?: string;
}

const CLOSED = ['accepted', 'published'];

export async function replyToReturn(deps: Deps, o: ReplyOptions): Promise<{ id: string; createdAt: string }> {
  const row = await loadVisibleReport(deps, o.actor, o.reportId);
  const ret = await deps.db.kysely.selectFrom('returns').selectAll().where('id', '=', o.returnId).where('report_id', '=', row.id).executeTakeFirst();
  if (!ret) throw notFound('退回记录');
  const department = isDepartmentMember(o.actor, row) && o.actor.roles.some((r) => r === 'preparer' || r === 'head');
  const finance = effectiveRoles(o.actor, row).some((r) => r === 'reviewer' || r === 'perf_admin');
  if (o.stance === 'reply' ? !finance : !department) throw forbidden(o.stance === 'reply' ? '只有财政审核人员可以答复异议' : '只有本部门填报人或负责人可以回应退回意见');
  if (CLOSED.includes(row.status)) throw new AppError('INVALID_STATE', '报告已审核通过，不能再回应退回意见');
  const text = o.text.trim() || (o.stance === 'accept' ? '同意退回意见，已按要求修改。' : '');
  if (!text) throw new AppError('VALIDATION', o.stance === 'dispute' ? '提出异议须写明理由' : '请填写答复内容');
  if (text.length > 2000) throw new AppError('VALIDATION', '内容不超过 2000 字');
  const paths = JSON.parse(ret.paths) as string[];
  const path = o.path ?? '';
  if (path && !paths.includes(path)) throw new AppError('VALIDATION', '所指单元格不在这次退回涉及的范围内');
  const id = deps.random.uuid();
  const at = nowIso(deps.clock);
  await inTransaction(deps, async (trx, audit) => {
    await insertReply(trx, { id, return_id: ret.id, report_id: row.id, path, side: o.stance === 'reply' ? 'finance' : 'department', stance: o.stance, text, user_id: o.actor.id, created_at: at });
    await audit({ ...by(o.actor), event: 'return_reply', objectType: 'report', objectId: row.id, detail: { returnId: ret.id, stance: o.stance, path, length: text.length } });
  });
  return { id, createdAt: at };
}
