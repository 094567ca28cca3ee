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
import { priorItems, withPriorIssueChecks, type CarriedMeta } from './draft-origin';
import type { PriorIssueInput } from '../../core/bureau/carry-over';
import { listRevocations } from '../repositories/review-extras';
import { openSealedText } from '../crypto/personal-data';
import { RawJson } from '../http/plain-json';
import { poolFor } from './document-work';
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
  /** a large report's document travels as its JSON text, spliced into the response (http/plain-json.ts) */
  report: Report | RawJson;
  findings: Finding[];
  score: Scorecard | null;
  waivers: Array<{ code: string; path: string; reason: string; userId: string; version: number; createdAt: string }>;
  returns: Array<{ id: string; reason: string; paths: string[]; role: string; userId: string; version: number; createdAt: string; replies: ReplyView[] }>;
  /** 撤回公开 records: the published version stays in the history */
  revocations: Array<{ version: number; reason: string; userId: string; createdAt: string }>;
  /** the task the report answers, with the deadline it is measured against */
  task: { id: string; title: string; year: number; selfEvalDue: string; extendedDue: string | null } | null;
  /** what the draft carried over from last year's report */
  carried: CarriedMeta | null;
  /** last year's 整改 items the report must answer (rule X8), to add any the draft lacks */
  expectedPriorIssues: PriorIssueInput[];
  import: unknown;
  actions: WorkflowAction[];
  editScope: EditScope | null;
  /** the same department's report of the year before: its indicators beside this year's (null when none is visible) */
  priorYear: PriorYearView | null;
  /** a 部门整体 report: the same department's 项目支出绩效自评表 of its year and their scores (null for a project report) */
  projects: ProjectSummary[] | null;
}


export interface ReplyView {
  id: string;
  path: string;
  side: 'department' | 'finance';
  stance: 'accept' | 'dispute' | 'reply';
  text: string;
  userId: string;
  userName: string | null;
  createdAt: string;
}

export async function reportView(deps: Deps, actor: Actor, row: ReportRow, db: DB = deps.db.kysely): Promise<ReportView> {
  const [checked, waivers, returns, replies, revocations, task, prior] = await Promise.all([
    checksWithPriorYear(deps, actor, row, db), latestWaivers(db, row.id), listReturns(db, row.id), listRepliesNamed(db, row.id), listRevocations(db, row.id), taskOf(db, row),
    row.year == null ? Promise.resolve([]) : priorItems(db, row.department_id, row.year),
  ]);
  const projects = await projectsOf(deps, actor, row, db);
  const { priorYear } = checked;
  const { findings, score } = await withPriorIssueChecks(db, row, checked, prior.map((i) => ({ itemId: i.itemId, problem: i.problem })));
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
    // a large document is sent as the stored text with its personal fields opened: never parsed here
    report: poolFor(deps, row) && row.documentText != null ? new RawJson(openSealedText(deps.crypto, row.documentText)) : row.document,
    findings,
    score,
    waivers: waivers.map((w) => ({ code: w.code, path: w.path, reason: w.reason, userId: w.user_id, version: w.version, createdAt: w.created_at })),
    returns: returns.map((r) => ({
      id: r.id, reason: r.reason, paths: JSON.parse(r.paths) as string[], role: r.role, userId: r.user_id, version: r.version, createdAt: r.created_at,
      replies: replies.filter((x) => x.return_id === r.id).map((x) => ({ id: x.id, path: x.path, side: x.side, stance: x.stance, text: x.text, userId: x.user_id, userName: x.user_name, createdAt: x.created_at })),
    })),
    revocations: revocations.map((r) => ({ version: r.version, reason: r.reason, userId: r.user_id, createdAt: r.created_at })),
    task,
    carried: row.carried ? (JSON.parse(row.carried) as CarriedMeta) : null,
    expectedPriorIssues: prior,
    import: row.import_meta ? JSON.parse(row.import_meta) : null,
    actions: availableActions(status, roles),
    editScope: editScope(status, roles),
    priorYear,
    projects,
  };
}

async function listRepliesNamed(db: DB, reportId: string) {
  return db
    .selectFrom('return_replies as x')
    .leftJoin('users as u', 'u.id', 'x.user_id')
    .selectAll('x')
    .select('u.display_name as user_name')
    .where('x.report_id', '=', reportId)
    .orderBy('x.created_at')
    .orderBy('x.id')
    .execute();
}

async function taskOf(db: DB, row: ReportRow): Promise<ReportView['task']> {
  if (!row.task_id) return null;
  const t = await db
    .selectFrom('tasks as t')
    .leftJoin('task_departments as td', (j) => j.onRef('td.task_id', '=', 't.id').on('td.department_id', '=', row.department_id))
    .select(['t.id', 't.title', 't.year', 't.self_eval_due', 'td.extended_due'])
    .where('t.id', '=', row.task_id)
    .executeTakeFirst();
  return t ? { id: t.id, title: t.title, year: t.year, selfEvalDue: t.self_eval_due, extendedDue: t.extended_due } : null;
}
