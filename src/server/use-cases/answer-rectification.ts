// 整改反馈: the department answers an item with what it did, and may attach evidence files. Files go
// through the same safe upload layer as report imports (io/ooxml: the format is sniffed from the bytes,
// a DOCX/XLSX is opened under the zip and XML caps in the sandbox, legacy Office and unknown binaries are
// refused with the layer's own Chinese messages); nothing is written to disk.
import { ImportError } from '../../io/import/doc';
import { readOoxml } from '../../io/ooxml/read';
import { refuseNonZip } from '../../io/ooxml/sniff';
import { sha256Hex } from '../audit/canonical';
import type { Actor } from '../auth/actor';
import { nowIso, type Deps } from '../deps';
import { AppError, notFound } from '../errors';
import { findItem, insertEvidence, updateItem } from '../repositories/rectifications';
import { importErrorCode } from './import-report';
import { assertDepartmentAnswerer, loadNotice } from './rectification-shared';
import { by, inTransaction } from './shared';

async function loadItem(deps: Deps, actor: Actor, noticeId: string, itemId: string) {
  const { notice, side } = await loadNotice(deps, actor, noticeId);
  const item = await findItem(deps.db.kysely, itemId);
  if (!item || item.notice_id !== notice.id) throw notFound('整改事项');
  return { notice, side, item };
}

export async function answerRectification(deps: Deps, o: { actor: Actor; noticeId: string; itemId: string; answer: string; ifMatch?: number | null }): Promise<{ id: string; status: string; version: number }> {
  const { side, item } = await loadItem(deps, o.actor, o.noticeId, o.itemId);
  assertDepartmentAnswerer(o.actor, side);
  if (item.status === 'accepted') throw new AppError('INVALID_STATE', '该事项已销号，不能再修改反馈');
  if (o.ifMatch != null && o.ifMatch !== item.version) throw new AppError('CONFLICT', '整改事项刚被修改，请刷新后再试');
  const answer = o.answer.trim();
  if (!answer) throw new AppError('VALIDATION', '请写明整改措施及成效');
  if (answer.length > 4000) throw new AppError('VALIDATION', '整改情况不超过 4000 字');
  const at = nowIso(deps.clock);
  await inTransaction(deps, async (trx, audit) => {
    if (!(await updateItem(trx, item.id, item.version, { answer, status: 'answered', answered_by: o.actor.id, answered_at: at })))
      throw new AppError('CONFLICT', '整改事项刚被修改，请刷新后再试');
    await audit({ ...by(o.actor), event: 'rectification_answer', objectType: 'rectification', objectId: item.notice_id, detail: { itemId: item.id, length: answer.length } });
  });
  return { id: item.id, status: 'answered', version: item.version + 1 };
}

/** The stored format of an evidence file, or the upload layer's refusal. */
async function evidenceFormat(bytes: Uint8Array, fileName: string): Promise<string> {
  const refusal = refuseNonZip(bytes, fileName);
  if (!refusal) return (await readOoxml(bytes, fileName)).format;
  if (refusal.code === 'FORMAT.PDF') return 'pdf';
  if (refusal.code === 'FORMAT.IMAGE') return 'image';
  if (refusal.code === 'FORMAT.TEXT') return 'text';
  throw refusal;
}

export async function uploadEvidence(deps: Deps, o: { actor: Actor; noticeId: string; itemId: string; bytes: Uint8Array; fileName: string }) {
  const { side, item } = await loadItem(deps, o.actor, o.noticeId, o.itemId);
  assertDepartmentAnswerer(o.actor, side);
  if (item.status === 'accepted') throw new AppError('INVALID_STATE', '该事项已销号，不能再补充材料');
  const file = { fileName: o.fileName.split(/[\\/]/).pop()!.slice(0, 200) || '未命名', size: o.bytes.byteLength, sha256: sha256Hex(o.bytes) };
  let format: string;
  try {
    format = await evidenceFormat(o.bytes, file.fileName);
  } catch (err) {
    const known = err instanceof ImportError;
    await inTransaction(deps, (_trx, audit) =>
      audit({ ...by(o.actor), event: 'rectification_evidence', outcome: 'failure', objectType: 'rectification', objectId: item.notice_id, detail: { itemId: item.id, ...file, code: known ? err.code : 'INTERNAL' } }),
    );
    if (!known) throw err;
    throw new AppError(importErrorCode(err.code), err.message, { importCode: err.code });
  }
  const id = deps.random.uuid();
  const at = nowIso(deps.clock);
  await inTransaction(deps, async (trx, audit) => {
    await insertEvidence(trx, { id, item_id: item.id, file_name: file.fileName, format, size: file.size, sha256: file.sha256, content: Buffer.from(o.bytes), uploaded_by: o.actor.id, uploaded_at: at });
    await audit({ ...by(o.actor), event: 'rectification_evidence', objectType: 'rectification', objectId: item.notice_id, detail: { itemId: item.id, fileId: id, ...file, format } });
  });
  return { id, fileName: file.fileName, format, size: file.size, sha256: file.sha256, uploadedAt: at };
}

export async function downloadEvidence(deps: Deps, o: { actor: Actor; noticeId: string; fileId: string }) {
  const { notice } = await loadNotice(deps, o.actor, o.noticeId);
  const f = await deps.db.kysely
    .selectFrom('evidence_files as f')
    .innerJoin('rectification_items as i', 'i.id', 'f.item_id')
    .selectAll('f')
    .where('f.id', '=', o.fileId)
    .where('i.notice_id', '=', notice.id)
    .executeTakeFirst();
  if (!f) throw notFound('材料');
  await inTransaction(deps, (_trx, audit) =>
    audit({ ...by(o.actor), event: 'rectification_evidence_download', objectType: 'rectification', objectId: notice.id, detail: { fileId: f.id, sha256: f.sha256, size: f.size } }),
  );
  return f;
}
