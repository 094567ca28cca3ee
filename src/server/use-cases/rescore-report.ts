// 复核: read and save the bureau's re-scoring of a report. The 归口科室 of the department or the
// 绩效管理科 scores (also on behalf of a commissioned third party, named); the department sees the result
// once its report is accepted. Saving is compare-and-set on the 复核's own version and audited with the
// total and every changed line; the report itself — the department's claim — is never written.
import { financeOpinionDraft } from '../../core/bureau/opinion';
import { rescoreProblems, rescoreSheet, type RescoreItemInput, type RescoreSheet } from '../../core/bureau/rescore';
import { effectiveRoles, isDepartmentMember } from '../auth/access';
import type { Actor } from '../auth/actor';
import type { RescoreTable } from '../db/schema-bureau';
import { nowIso, type Deps } from '../deps';
import { AppError, forbidden, notFound } from '../errors';
import type { ReportRow } from '../repositories/reports';
import { findRescore, insertRescore, updateRescore } from '../repositories/review-extras';
import { latestWaivers } from '../repositories/reviews';
import { withPriorIssueChecks } from './draft-origin';
import { by, inTransaction, loadVisibleReport, runChecks, templateOf } from './shared';

const EDITABLE = ['submitted', 'finance_review', 'accepted'];
const KIND_LABEL = { reviewer: '归口业务科室', perf_admin: '绩效管理科', third_party: '第三方机构' } as const;

export interface RescoreView {
  reportId: string;
  reportVersion: number;
  sheet: RescoreSheet;
  rescore: { version: number; reviewerKind: RescoreTable['reviewer_kind']; reviewerKindLabel: string; thirdParty: string; opinion: string; reviewerId: string; updatedAt: string; reportVersion: number } | null;
  canEdit: boolean;
  /** the 财政部门归口业务科室意见 to start from when accepting */
  financeOpinion: string;
}

function mayEdit(actor: Actor, row: ReportRow): boolean {
  const roles = effectiveRoles(actor, row);
  return (roles.includes('reviewer') || roles.includes('perf_admin')) && EDITABLE.includes(row.status);
}

async function readable(deps: Deps, actor: Actor, id: string): Promise<ReportRow> {
  const row = await loadVisibleReport(deps, actor, id);
  const finance = effectiveRoles(actor, row).some((r) => r === 'reviewer' || r === 'perf_admin');
  if (!finance && !(isDepartmentMember(actor, row) && (row.status === 'accepted' || row.status === 'published'))) throw notFound('复核记录');
  return row;
}

async function viewOf(deps: Deps, actor: Actor, row: ReportRow, r: RescoreTable | undefined): Promise<RescoreView> {
  const { findings, score } = await withPriorIssueChecks(deps.db.kysely, row, await runChecks(deps, row, await templateOf(deps, row.document)));
  if (!score) throw new AppError('INTERNAL', '自动评分暂时无法运行，请稍后重试');
  const items = r ? (JSON.parse(r.items) as RescoreItemInput[]) : [];
  const sheet = rescoreSheet(row.document, score, items);
  const waived = (await latestWaivers(deps.db.kysely, row.id)).length;
  return {
    reportId: row.id, reportVersion: row.version, sheet,
    rescore: r ? { version: r.version, reviewerKind: r.reviewer_kind, reviewerKindLabel: KIND_LABEL[r.reviewer_kind], thirdParty: r.third_party, opinion: r.opinion, reviewerId: r.reviewer_id, updatedAt: r.updated_at, reportVersion: r.report_version } : null,
    canEdit: mayEdit(actor, row),
    financeOpinion: financeOpinionDraft({ sheet, reviewOpinion: r?.opinion ?? '', findings, waivedCount: waived }),
  };
}

export async function getRescore(deps: Deps, o: { actor: Actor; id: string }): Promise<RescoreView> {
  const row = await readable(deps, o.actor, o.id);
  return viewOf(deps, o.actor, row, await findRescore(deps.db.kysely, row.id));
}

export interface SaveRescoreOptions {
  actor: Actor;
  id: string;
  /** the 复核's version this edit is based on; 0 for the first */
  ifMatch: number;
  items: RescoreItemInput[];
  opinion: string;
  reviewerKind: RescoreTable['reviewer_kind'];
  thirdParty?: string;
}

export async function saveRescore(deps: Deps, o: SaveRescoreOptions): Promise<RescoreView> {
  const row = await readable(deps, o.actor, o.id);
  if (!mayEdit(o.actor, row)) {
    if (effectiveRoles(o.actor, row).some((r) => r === 'reviewer' || r === 'perf_admin'))
      throw new AppError('INVALID_STATE', '报告当前状态不能复核（已公开的报告须先撤回公开）');
    throw forbidden('只有归口业务科室或绩效管理科可以复核');
  }
  if (o.reviewerKind === 'third_party' && !o.thirdParty?.trim()) throw new AppError('VALIDATION', '请填写受托第三方机构的名称');
  const { score } = await runChecks(deps, row, await templateOf(deps, row.document));
  if (!score) throw new AppError('INTERNAL', '自动评分暂时无法运行，请稍后重试');
  const items = o.items.map((x) => ({ itemId: x.itemId, score: x.score, reason: x.reason.trim() }));
  const problems = rescoreProblems(score, items);
  if (problems.length) throw new AppError('VALIDATION', problems.join('；'), { problems });
  const sheet = rescoreSheet(row.document, score, items);
  const at = nowIso(deps.clock);
  const set = {
    report_version: row.version, reviewer_id: o.actor.id, reviewer_kind: o.reviewerKind, third_party: o.reviewerKind === 'third_party' ? o.thirdParty!.trim() : '',
    items: JSON.stringify(items), total: sheet.total, grade: sheet.grade ?? '', opinion: o.opinion.trim(), updated_at: at,
  };
  const saved = await inTransaction(deps, async (trx, audit) => {
    const current = await findRescore(trx, row.id);
    if ((current?.version ?? 0) !== o.ifMatch) throw new AppError('VERSION_CONFLICT', '复核评分刚被他人修改，请刷新后再保存', { current: current?.version ?? 0 });
    if (current) await updateRescore(trx, current.id, current.version, set);
    else await insertRescore(trx, { id: deps.random.uuid(), report_id: row.id, version: 1, created_at: at, ...set });
    await audit({
      ...by(o.actor), event: 'report_rescore', objectType: 'report', objectId: row.id,
      detail: { reportVersion: row.version, total: sheet.total, grade: sheet.grade, deviation: sheet.deviation, reviewerKind: o.reviewerKind, changed: sheet.lines.filter((l) => l.changed).map((l) => ({ itemId: l.itemId, from: l.baseline, to: l.review, reason: l.reason })) },
    });
    return findRescore(trx, row.id);
  });
  return viewOf(deps, o.actor, row, saved);
}
