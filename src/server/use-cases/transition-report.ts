// 流转: submit / approve / return / review / accept / publish. The state machine (core/workflow)
// decides who may act from where; guards need data (findings, the head's signature); the write is
// a conditional UPDATE on status and version, so identical concurrent requests take effect once.
import {
  ACTION_LABEL,
  STATUS_LABEL,
  checkTransition,
  needsReason,
  type ReportStatus,
  type Waiver,
  type WorkflowAction,
} from '../../core/workflow/index';
import { checkDuty, missingSignature } from '../../core/workflow/duties';
import { approveBlocking, submitBlocking, waiverReasonProblem } from '../../core/workflow/submit-groups';
import { sha256Hex, canonicalJson } from '../audit/canonical';
import { effectiveRoles } from '../auth/access';
import type { Actor } from '../auth/actor';
import { AppError, forbidden } from '../errors';
import { nowIso, type Deps } from '../deps';
import { findIdempotent, insertIdempotent } from '../repositories/idempotency';
import { updateStatus } from '../repositories/reports';
import { insertReturn, insertWaivers, lastSubmitWaivers } from '../repositories/reviews';
import { dutyContext } from './duty-context';
import { insertVersion } from '../repositories/versions';
import { insertRevocation } from '../repositories/review-extras';
import { concernsFor } from './accept-check';
import { withPriorIssueChecks } from './draft-origin';
import { staleError } from './save-report';
import { by, checkKey, inTransaction, loadVisibleReport, runChecks, templateOf } from './shared';

export interface TransitionOptions {
  actor: Actor;
  id: string;
  action: WorkflowAction;
  reason?: string;
  waivers?: Waiver[];
  paths?: string[];
  ifMatch?: number | null;
  idempotencyKey?: string | null;
}

export interface TransitionResult {
  id: string;
  status: ReportStatus;
  version: number;
  action: WorkflowAction;
}

export async function transitionReport(deps: Deps, o: TransitionOptions): Promise<TransitionResult> {
  const requestHash = sha256Hex(canonicalJson({ id: o.id, action: o.action, reason: o.reason ?? null, waivers: o.waivers ?? [], paths: o.paths ?? [] }));
  const replay = await replayIfSeen(deps, o, requestHash);
  if (replay) return replay;
  try {
    return await attempt(deps, o, requestHash);
  } catch (err) {
    // the same keyed request may have committed on another instance between our look and our read: then
    // the state we read refuses it, and its first answer is the right one
    const again = err instanceof AppError ? await replayIfSeen(deps, o, requestHash) : null;
    if (again) return again;
    throw err;
  }
}

async function attempt(deps: Deps, o: TransitionOptions, requestHash: string): Promise<TransitionResult> {
  const row = await loadVisibleReport(deps, o.actor, o.id);
  if (o.ifMatch != null && o.ifMatch !== row.version) throw staleError(row);
  const status = row.status as ReportStatus;
  const t = checkTransition(status, o.action, effectiveRoles(o.actor, row));
  if (!t.ok && t.reason === 'role') throw forbidden('当前角色不能执行此操作');
  if (!t.ok) throw new AppError('INVALID_STATE', `报告当前为“${STATUS_LABEL[status]}”，不能执行此操作`);
  const reason = o.reason?.trim() ?? '';
  if (needsReason(o.action) && !reason) throw new AppError('VALIDATION', `${ACTION_LABEL[o.action]}须填写${o.action === 'return' ? '退回' : ''}原因`);
  const waivers = (o.waivers ?? []).map((w) => ({ ...w, reason: w.reason.trim() }));

  const findings = async () => (await withPriorIssueChecks(deps.db.kysely, row, await runChecks(deps, row, await templateOf(deps, row.document)))).findings;
  if (o.action === 'submit') {
    const short = waivers.map((w, i) => ({ i, problem: waiverReasonProblem(w.reason) })).filter((w) => w.problem);
    if (short.length > 0)
      throw new AppError('VALIDATION', `第 ${short.map((w) => w.i + 1).join('、')} 条豁免理由不足：${short[0]!.problem}`, { fields: short.map((w) => ({ path: `waivers[${w.i}].reason`, message: w.problem! })) });
    // the 组长's and the head's signatures and 部门意见 are settled after this submit: the head's approval guards them
    const blocking = submitBlocking(await findings(), waivers);
    if (blocking.length > 0)
      throw new AppError('BLOCKING_FINDINGS', `还有 ${blocking.length} 个错误未修正，请修正或填写豁免理由后再提交`, { findings: blocking });
  }
  // accepting despite waived errors, a score without basis, open disputes … needs a written reason
  if (o.action === 'accept' && !reason) {
    const concerns = await concernsFor(deps, row);
    if (concerns.length)
      throw new AppError('ACCEPT_CONCERNS', `这份报告有 ${concerns.length} 项需要注意的问题，仍要审核通过请填写理由`, { concerns });
  }
  // separation of duties by this report's own history, and the signatures the step needs
  const duties = await dutyContext(deps, deps.db.kysely, o.actor, row);
  const duty = checkDuty({ action: o.action }, duties);
  if (!duty.ok) throw new AppError('SEPARATION_OF_DUTIES', duty.message);
  const missing = missingSignature(o.action, duties.signatures, { signoffs: { finance: { opinion: duties.financeOpinion } } });
  if (missing) throw new AppError('SIGNATURE_REQUIRED', missing);
  // what the preparer left to the department's later roles (submit-groups.ts) is settled by now
  if (o.action === 'approve') {
    const blocking = approveBlocking(await findings(), await lastSubmitWaivers(deps.db.kysely, row.id));
    if (blocking.length > 0)
      throw new AppError('BLOCKING_FINDINGS', `还有 ${blocking.length} 项须在部门审核时完成（评价组组长签字、部门意见、负责人签章），完成后再审核通过`, { findings: blocking });
  }

  const at = nowIso(deps.clock);
  const version = row.version + 1;
  const result: TransitionResult = { id: row.id, status: t.to, version, action: o.action };
  const won = await inTransaction(deps, async (trx, audit) => {
    const financeSince = t.to === 'submitted' && !row.finance_since ? at : row.finance_since;
    const ok = await updateStatus(trx, row.id, { status, version: row.version }, { status: t.to, updated_by: o.actor.id, updated_at: at, finance_since: financeSince });
    if (!ok) return false;
    await insertVersion(trx, { report_id: row.id, version, status: t.to, action: o.action, user_id: o.actor.id, created_at: at });
    if (o.action === 'submit')
      await insertWaivers(trx, waivers.filter((w) => w.reason).map((w) => ({ id: deps.random.uuid(), report_id: row.id, version, code: w.code, path: w.path, reason: w.reason, user_id: o.actor.id, created_at: at })));
    if (o.action === 'revoke')
      await insertRevocation(trx, { id: deps.random.uuid(), report_id: row.id, version: row.version, reason, user_id: o.actor.id, created_at: at });
    if (o.action === 'return')
      await insertReturn(trx, { id: deps.random.uuid(), report_id: row.id, version, reason, paths: JSON.stringify(o.paths ?? []), user_id: o.actor.id, role: t.role, created_at: at });
    if (o.idempotencyKey)
      await insertIdempotent(trx, { user_id: o.actor.id, key: o.idempotencyKey, endpoint: 'transition', request_hash: requestHash, status_code: 200, response: JSON.stringify(result), created_at: at });
    await audit({ ...by(o.actor), event: `report_${o.action}`, objectType: 'report', objectId: row.id, detail: { from: status, to: t.to, version, ...(reason ? { reason } : {}), ...(o.paths?.length ? { paths: o.paths } : {}), ...(waivers.length ? { waivers: waivers.length } : {}) } });
    return true;
  });
  if (won) {
    // A transition leaves the document as it was: the next version's findings are this version's.
    const checked = deps.checkCache?.get(checkKey(row.id, row.version));
    if (checked) deps.checkCache?.set(checkKey(row.id, version), checked);
    return result;
  }
  // Lost the race: a retry of the same request whose first attempt just committed is answered with
  // that attempt's response; anything else is a conflict.
  const again = await replayIfSeen(deps, o, requestHash);
  if (again) return again;
  throw new AppError('CONFLICT', '报告状态刚被他人更改，请刷新后再试');
}

async function replayIfSeen(deps: Deps, o: TransitionOptions, requestHash: string): Promise<TransitionResult | null> {
  if (!o.idempotencyKey) return null;
  const seen = await findIdempotent(deps.db.kysely, o.actor.id, o.idempotencyKey);
  if (!seen) return null;
  if (seen.request_hash !== requestHash || seen.endpoint !== 'transition')
    throw new AppError('IDEMPOTENCY_KEY_REUSED', '同一幂等键已用于另一个不同的请求');
  return JSON.parse(seen.response) as TransitionResult;
}
