// 销号 / 退回重改: the bureau accepts a department's answer to an item or reopens it with a note. A notice
// closes when every item is accepted and opens again when one is reopened.
import type { Actor } from '../auth/actor';
import { nowIso, type Deps } from '../deps';
import { AppError, forbidden, notFound } from '../errors';
import { findItem, listItems, setNoticeStatus, updateItem } from '../repositories/rectifications';
import { loadNotice } from './rectification-shared';
import { by, inTransaction } from './shared';

export async function reviewRectification(deps: Deps, o: { actor: Actor; noticeId: string; itemId: string; decision: 'accept' | 'reopen'; note?: string; ifMatch?: number | null }) {
  const { notice, side } = await loadNotice(deps, o.actor, o.noticeId);
  if (side !== 'finance') throw forbidden('只有财政审核人员可以销号或退回重改');
  const item = await findItem(deps.db.kysely, o.itemId);
  if (!item || item.notice_id !== notice.id) throw notFound('整改事项');
  if (o.ifMatch != null && o.ifMatch !== item.version) throw new AppError('CONFLICT', '整改事项刚被修改，请刷新后再试');
  const note = o.note?.trim() ?? '';
  if (o.decision === 'reopen' && !note) throw new AppError('VALIDATION', '退回重改须写明理由');
  if (o.decision === 'accept' && item.status !== 'answered') throw new AppError('INVALID_STATE', '部门尚未反馈整改情况，不能销号');
  if (o.decision === 'reopen' && item.status === 'open') throw new AppError('INVALID_STATE', '部门尚未反馈，无需退回');
  const at = nowIso(deps.clock);
  const status = o.decision === 'accept' ? 'accepted' : 'reopened';
  await inTransaction(deps, async (trx, audit) => {
    if (!(await updateItem(trx, item.id, item.version, { status, review_note: note, reviewed_by: o.actor.id, reviewed_at: at }))) throw new AppError('CONFLICT', '整改事项刚被修改，请刷新后再试');
    const all = await listItems(trx, [notice.id]);
    const closed = all.every((i) => i.status === 'accepted');
    if (closed !== (notice.status === 'closed')) await setNoticeStatus(trx, notice.id, closed ? 'closed' : 'open', closed ? at : null);
    await audit({ ...by(o.actor), event: o.decision === 'accept' ? 'rectification_accept' : 'rectification_reopen', objectType: 'rectification', objectId: notice.id, detail: { itemId: item.id, note, noticeClosed: closed } });
  });
  return { id: item.id, status, version: item.version + 1 };
}
