// 审核通过前的提示: what the accept dialog lists and the server insists on a reason for — waived errors,
// a score without computable basis or far above the computed one, open disputes, a sampled report not
// yet re-scored, last year's open 整改 items (core/bureau/accept-concerns.ts decides; this gathers).
import { acceptConcerns, type Concern } from '../../core/bureau/accept-concerns';
import type { DB } from '../db/schema';
import type { Deps } from '../deps';
import type { ReportRow } from '../repositories/reports';
import { findRescore, listReplies } from '../repositories/review-extras';
import { itemsOfYear } from '../repositories/rectifications';
import { latestWaivers } from '../repositories/reviews';
import { sampledReportIds } from '../repositories/samples';
import type { Actor } from '../auth/actor';
import { withPriorIssueChecks } from './draft-origin';
import { loadVisibleReport, runChecks, templateOf } from './shared';

/** Disputes (异议) the bureau has not answered: a department dispute with no finance reply after it. */
export async function openDisputes(db: DB, reportId: string): Promise<number> {
  const replies = await listReplies(db, reportId);
  let open = 0;
  const byReturn = new Map<string, typeof replies>();
  for (const r of replies) byReturn.set(r.return_id, [...(byReturn.get(r.return_id) ?? []), r]);
  for (const thread of byReturn.values()) {
    const disputes = thread.filter((r) => r.side === 'department' && r.stance === 'dispute');
    if (!disputes.length) continue;
    const last = disputes[disputes.length - 1]!.created_at;
    // answered when the bureau replied at or after the last dispute
    if (!thread.some((r) => r.side === 'finance' && r.created_at >= last)) open++;
  }
  return open;
}

export async function concernsFor(deps: Deps, row: ReportRow): Promise<Concern[]> {
  const db = deps.db.kysely;
  const { findings, score } = await withPriorIssueChecks(db, row, await runChecks(deps, row, await templateOf(deps, row.document)));
  const [waivers, disputes, sampled, rescore, prior] = await Promise.all([
    latestWaivers(db, row.id),
    openDisputes(db, row.id),
    sampledReportIds(db, [row.id]),
    findRescore(db, row.id),
    row.year == null ? Promise.resolve([]) : itemsOfYear(db, row.department_id, row.year - 1),
  ]);
  return acceptConcerns({
    findings, waivers, score, selfScore: row.document.performance.selfScore,
    openDisputes: disputes, sampled: sampled.has(row.id), rescored: rescore?.total != null,
    openPriorIssues: prior.filter((i) => i.status !== 'accepted').length,
  });
}

export async function acceptCheck(deps: Deps, o: { actor: Actor; id: string }): Promise<{ concerns: Concern[] }> {
  const row = await loadVisibleReport(deps, o.actor, o.id);
  return { concerns: await concernsFor(deps, row) };
}
