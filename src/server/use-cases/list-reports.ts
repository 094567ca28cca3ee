// 报告列表: only the reports the user may see (same rules as auth/access.ts).
import type { ReportStatus } from '../../core/workflow/index';
import { assertReportReader } from '../auth/access';
import type { Actor } from '../auth/actor';
import type { Deps } from '../deps';
import { sourcesOf } from '../repositories/report-sources';
import { listVisibleReports } from '../repositories/reports';

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
  offset?: number;
}

/** One page of visible reports; nextOffset is null on the last page. */
export async function listReports(deps: Deps, o: ListOptions): Promise<{ items: ReportListItem[]; nextOffset: number | null }> {
  assertReportReader(o.actor);
  const limit = Math.min(Math.max(o.limit ?? 500, 1), 1000);
  const offset = Math.max(o.offset ?? 0, 0);
  // one extra row tells whether another page exists without a COUNT(*)
  const rows = await listVisibleReports(deps.db.kysely, o.actor, { year: o.year, status: o.status, limit: limit + 1, offset });
  const page = rows.slice(0, limit);
  const sources = await sourcesOf(deps.db.kysely, page.map((r) => r.id));
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
  return { items, nextOffset: rows.length > limit ? offset + limit : null };
}
