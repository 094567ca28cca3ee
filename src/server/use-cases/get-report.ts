// 查看报告: the document with findings, score, waivers and returns; 404 when not visible. A client that
// already holds the current version (If-None-Match) gets "not modified" from a look at the report's head
// row alone: no document read, no checks, nothing serialised.
import type { Actor } from '../auth/actor';
import { assertCanSee } from '../auth/access';
import type { Deps } from '../deps';
import { findReportHead } from '../repositories/reports';
import { reportView, type ReportView } from './report-view';
import { loadVisibleReport } from './shared';

export interface GetReportOptions {
  actor: Actor;
  id: string;
  /** versions the client holds (If-None-Match), '*' for any */
  ifNoneMatch?: number[] | '*' | null;
}

export async function getReport(deps: Deps, o: GetReportOptions & { ifNoneMatch?: null }): Promise<ReportView>;
export async function getReport(deps: Deps, o: GetReportOptions): Promise<ReportView | { notModified: true; version: number }>;
export async function getReport(deps: Deps, o: GetReportOptions): Promise<ReportView | { notModified: true; version: number }> {
  if (o.ifNoneMatch) {
    const head = await findReportHead(deps.db.kysely, o.id);
    assertCanSee(o.actor, head);
    if (o.ifNoneMatch === '*' || o.ifNoneMatch.includes(head.version)) return { notModified: true, version: head.version };
  }
  const row = await loadVisibleReport(deps, o.actor, o.id);
  return reportView(deps, o.actor, row);
}
