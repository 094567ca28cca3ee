// 项目支出自评: the 项目支出绩效自评表 of the same department and year that a 部门整体 report lists, each with
// its claimed 总分 and the score Jixiao computes for it (the same checks, cached per report version).
import type { ReportStatus } from '../../core/workflow/index';
import { canSeeReport } from '../auth/access';
import type { Actor } from '../auth/actor';
import type { DB } from '../db/schema';
import type { Deps } from '../deps';
import { departmentProjects } from '../repositories/projects';
import type { ReportRow } from '../repositories/reports';
import { runChecks, templateOf } from './shared';

export interface ProjectSummary {
  reportId: string;
  /** 项目名称 */
  name: string;
  /** 实施单位 */
  implementer: string;
  status: ReportStatus;
  version: number;
  /** 全年预算数 and 全年执行数 of 年度资金总额, 万元 as written */
  budget: string | null;
  executed: string | null;
  /** the 总分 the table claims */
  claimed: number | null;
  /** what Jixiao computes, null when the table lacks what some item needs */
  total: number | null;
  grade: string | null;
}

/** The projects of an overall report's department and year that `actor` may see; null for a project report. */
export async function projectsOf(deps: Deps, actor: Actor, row: Pick<ReportRow, 'kind' | 'year' | 'department_id'>, db: DB = deps.db.kysely): Promise<ProjectSummary[] | null> {
  if (row.kind === 'project') return null;
  if (row.year == null) return [];
  const rows = (await departmentProjects(db, row.department_id, row.year)).filter((r) => canSeeReport(actor, r));
  const out: ProjectSummary[] = [];
  for (const r of rows) {
    const { score } = runChecks(deps, r, await templateOf(deps, r.document));
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
