// The full view of one report the API returns: the document, its findings and score, what travels
// with it through review, and what the current user may do with it.
import { availableActions, type ReportStatus, type WorkflowAction } from '../../core/workflow/index';
import { editScope, type EditScope } from '../../core/workflow/edit';
import type { Finding } from '../../core/model/finding';
import type { Report } from '../../core/model/report';
import type { Scorecard } from '../../core/model/score';
import type { Actor } from '../auth/actor';
import { effectiveRoles } from '../auth/access';
import type { DB } from '../db/schema';
import type { Deps } from '../deps';
import type { ReportRow } from '../repositories/reports';
import { latestWaivers, listReturns } from '../repositories/reviews';
import { projectsOf, type ProjectSummary } from './department-projects';
import { checksWithPriorYear, type PriorYearView } from './prior-year';

export interface ReportView {
  id: string;
  status: ReportStatus;
  version: number;
  year: number | null;
  departmentId: string;
  departmentName: string;
  templateId: string;
  updatedAt: string;
  report: Report;
  findings: Finding[];
  score: Scorecard | null;
  waivers: Array<{ code: string; path: string; reason: string; userId: string; version: number; createdAt: string }>;
  returns: Array<{ reason: string; paths: string[]; role: string; userId: string; version: number; createdAt: string }>;
  import: unknown;
  actions: WorkflowAction[];
  editScope: EditScope | null;
  /** the same department's report of the year before: its indicators beside this year's (null when none is visible) */
  priorYear: PriorYearView | null;
  /** a 部门整体 report: the same department's 项目支出绩效自评表 of its year and their scores (null for a project report) */
  projects: ProjectSummary[] | null;
}


export async function reportView(deps: Deps, actor: Actor, row: ReportRow, db: DB = deps.db.kysely): Promise<ReportView> {
  const { findings, score, priorYear } = await checksWithPriorYear(deps, actor, row, db);
  const [waivers, returns, projects] = await Promise.all([latestWaivers(db, row.id), listReturns(db, row.id), projectsOf(deps, actor, row, db)]);
  const status = row.status as ReportStatus;
  const roles = effectiveRoles(actor, row);
  return {
    id: row.id,
    status,
    version: row.version,
    year: row.year,
    departmentId: row.department_id,
    departmentName: row.department_name,
    templateId: row.template_id,
    updatedAt: row.updated_at,
    report: row.document,
    findings,
    score,
    waivers: waivers.map((w) => ({ code: w.code, path: w.path, reason: w.reason, userId: w.user_id, version: w.version, createdAt: w.created_at })),
    returns: returns.map((r) => ({ reason: r.reason, paths: JSON.parse(r.paths) as string[], role: r.role, userId: r.user_id, version: r.version, createdAt: r.created_at })),
    import: row.import_meta ? JSON.parse(row.import_meta) : null,
    actions: availableActions(status, roles),
    editScope: editScope(status, roles),
    priorYear,
    projects,
  };
}
