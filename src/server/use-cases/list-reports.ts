// 报告列表: only the reports the user may see (same rules as auth/access.ts).
import type { ReportStatus } from '../../core/workflow/index';
import { assertReportReader } from '../auth/access';
import type { Actor } from '../auth/actor';
import type { Deps } from '../deps';
import { decodeCursor, encodeCursor, isString, isYear } from '../repositories/cursor';
import { sourcesOf } from '../repositories/report-sources';
import { listKey, listVisibleReports, type ListKey } from '../repositories/reports';

export interface ReportListItem {
  id: string;
  year: number | null;
  departmentId: string;
  departmentName: string;
  status: ReportStatus;
  version: number;
  selfScore: number | null;
  grade: string;
  templateId: string;
  updatedAt: string;
  /** the imported file's name, and when: null for a report made in Jixiao */
  sourceFile: string | null;
  importedAt: string | null;
}

export interface ListOptions {
  actor: Actor;
  year?: number;
  status?: ReportStatus;
  limit?: number;
  /** the previous page's `next` */
  after?: string;
}

/** One page of visible reports; `next` (the cursor of the page after) is null on the last page. */
export async function listReports(deps: Deps, o: ListOptions): Promise<{ items: ReportListItem[]; next: string | null }> {
  assertReportReader(o.actor);
  const limit = Math.min(Math.max(o.limit ?? 500, 1), 1000);
  const after = o.after ? decodeCursor<ListKey>(o.after, [isYear, isString, isString]) : null;
  // one extra row tells whether another page exists without a COUNT(*)
  // a list tolerates replication lag: from the read replica when there is one (DATABASE_READ_URL)
  const rows = await listVisibleReports(deps.db.reader, o.actor, { year: o.year, status: o.status, limit: limit + 1, after });
  const page = rows.slice(0, limit);
  const sources = await sourcesOf(deps.db.reader, page.map((r) => r.id));
  const items = page.map((r) => ({
    id: r.id,
    year: r.year,
    departmentId: r.department_id,
    departmentName: r.department_name,
    status: r.status as ReportStatus,
    version: r.version,
    selfScore: r.self_score,
    grade: r.grade,
    templateId: r.template_id,
    updatedAt: r.updated_at,
    sourceFile: sources.get(r.id)?.file_name ?? null,
    importedAt: sources.get(r.id)?.imported_at ?? null,
  }));
  return { items, next: rows.length > limit ? encodeCursor(listKey(page[page.length - 1]!)) : null };
}
