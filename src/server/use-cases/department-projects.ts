// 项目支出自评: the 项目支出绩效自评表 of the same department and year that a 部门整体 report lists, each with
// its claimed 总分 and the score Jixiao computes for it (the same checks, cached per report version).
import type { z } from 'zod';
import type { ReportStatus } from '../../core/workflow/index';
import type { ProjectSummarySchema } from '../http/schemas';
import { canSeeReport } from '../auth/access';
import type { Actor } from '../auth/actor';
import type { DB } from '../db/schema';
import type { Deps } from '../deps';
import { departmentProjects } from '../repositories/projects';
import type { ReportRow } from '../repositories/reports';
import { runChecks, templateOf } from './shared';

export type ProjectSummary = z.infer<typeof ProjectSummarySchema>;

/** The projects of an overall report's department and year that `actor` may see; null for a project report. */
export async function projectsOf(deps: Deps, actor: Actor, row: Pick<ReportRow, 'kind' | 'year' | 'department_id'>, db: DB = deps.db.kysely): Promise<ProjectSummary[] | null> {
  if (row.kind === 'project') return null;
  if (row.year == null) return [];
  const rows = (await departmentProjects(db, row.department_id, row.year)).filter((r) => canSeeReport(actor, r));
  const out: ProjectSummary[] = [];
  for (const r of rows) {
    const { score } = await runChecks(deps, r, await templateOf(deps, r.document));
    const p = r.document.project;
    out.push({
      reportId: r.id,
      name: p?.name ?? '',
      implementer: p?.implementer ?? '',
      status: r.status as ReportStatus,
      version: r.version,
      budget: p?.funds.total.annual ?? null,
      executed: p?.funds.total.executed ?? null,
      claimed: r.document.performance.selfScore,
      total: score?.total ?? null,
      grade: score?.grade ?? null,
    });
  }
  return out;
}
