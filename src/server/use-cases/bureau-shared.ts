// What the bureau's use-cases share: who in the finance bureau may do what where (绩效管理科 the whole
// bureau, an 归口业务科室 its own departments, the local CLI anything), and the task view.
import type { Deadlines } from '../../core/bureau/deadline';
import { getTemplate } from '../../core/templates/index';
import type { Actor } from '../auth/actor';
import type { DepartmentTable } from '../db/schema';
import type { TaskTable } from '../db/schema-bureau';
import { AppError, forbidden, notFound } from '../errors';
import type { Deps } from '../deps';
import { findTask } from '../repositories/tasks';
import { by } from './shared';

/** null = the local CLI (`jixiao task …`), run by whoever operates the machine. */
export type BureauActor = Actor | null;

export interface FinanceScope {
  bureauId: string;
  /** the 归口科室 a reviewer is limited to; null = the whole bureau (绩效管理科) */
  sectionId: string | null;
}

function assertBusiness(actor: Actor): void {
  if (actor.kind !== 'business') throw forbidden('系统管理员、安全管理员和审计管理员不能查看或办理绩效业务');
}

/** A finance-bureau user's reach: 绩效管理科 sees the bureau, a reviewer the departments of its section. */
export function financeScope(actor: Actor): FinanceScope {
  assertBusiness(actor);
  if (actor.roles.includes('perf_admin') && actor.bureauId) return { bureauId: actor.bureauId, sectionId: null };
  if (actor.roles.includes('reviewer') && actor.bureauId && actor.sectionId) return { bureauId: actor.bureauId, sectionId: actor.sectionId };
  throw forbidden('只有财政局绩效管理科或归口业务科室可以办理此事项');
}

export function assertPerfAdmin(actor: BureauActor, bureauId?: string): void {
  if (!actor) return;
  assertBusiness(actor);
  if (!actor.roles.includes('perf_admin') || !actor.bureauId) throw forbidden('只有财政局绩效管理科可以办理此事项');
  if (bureauId && actor.bureauId !== bureauId) throw notFound('任务');
}

export function inFinanceScope(scope: FinanceScope, d: Pick<DepartmentTable, 'bureau_id' | 'section_id'>): boolean {
  return d.bureau_id === scope.bureauId && (scope.sectionId === null || d.section_id === scope.sectionId);
}

export function auditBy(actor: BureauActor) {
  return actor ? by(actor) : { actorUsername: 'cli' };
}

/** A task the actor may see (the CLI sees every task): its bureau's finance users see it, others get 404. */
export async function loadTask(deps: Deps, actor: BureauActor, id: string, db = deps.db.kysely): Promise<TaskTable> {
  const t = await findTask(db, id);
  if (!t) throw notFound('任务');
  if (actor) {
    const scope = financeScope(actor);
    if (scope.bureauId !== t.bureau_id) throw notFound('任务');
  }
  return t;
}

export function deadlinesOf(t: Pick<TaskTable, 'self_eval_due' | 'finance_review_due' | 'publish_by'>): Deadlines {
  return { selfEvalDue: t.self_eval_due, financeReviewDue: t.finance_review_due, publishBy: t.publish_by };
}

export type ScopeMode = 'all' | 'sections' | 'picked';
export interface TaskScope {
  mode: ScopeMode;
  sectionIds: string[];
  departmentIds: string[];
}

export interface TaskView {
  id: string;
  bureauId: string;
  year: number;
  kind: string;
  templateId: string;
  templateName: string;
  title: string;
  notice: string;
  scope: TaskScope;
  deadlines: Deadlines;
  status: TaskTable['status'];
  version: number;
  createdAt: string;
  issuedAt: string | null;
}

export function taskView(t: TaskTable): TaskView {
  let templateName = t.template_id;
  try {
    templateName = getTemplate(t.template_id).name;
  } catch {
    // a template file removed since: the id still names it
  }
  return {
    id: t.id, bureauId: t.bureau_id, year: t.year, kind: t.kind, templateId: t.template_id, templateName,
    title: t.title, notice: t.notice, scope: JSON.parse(t.scope) as TaskScope, deadlines: deadlinesOf(t),
    status: t.status, version: t.version, createdAt: t.created_at, issuedAt: t.issued_at,
  };
}

export function staleTask(): AppError {
  return new AppError('CONFLICT', '任务刚被他人修改，请刷新后再试');
}
