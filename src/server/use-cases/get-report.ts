// 查看报告: the document with findings, score, waivers and returns; 404 when not visible.
import type { Actor } from '../auth/actor';
import type { Deps } from '../deps';
import { reportView, type ReportView } from './report-view';
import { loadVisibleReport } from './shared';

export async function getReport(deps: Deps, o: { actor: Actor; id: string }): Promise<ReportView> {
  const row = await loadVisibleReport(deps, o.actor, o.id);
  return reportView(deps, o.actor, row);
}
