// What the 整改 use-cases share: who may see a notice (the department it is addressed to, the finance
// users over that department), who acts for each side, and the view.
import { isDepartmentMember } from '../auth/access';
import type { Actor } from '../auth/actor';
import type { DepartmentTable } from '../db/schema';
import type { EvidenceFileTable, RectificationItemTable, RectificationNoticeTable } from '../db/schema-bureau';
import { forbidden, notFound } from '../errors';
import type { Deps } from '../deps';
import { findDepartment } from '../repositories/org';
import { findNotice, listEvidence, listItems } from '../repositories/rectifications';
import { financeScope, inFinanceScope } from './bureau-shared';

export const ITEM_STATUS_LABEL: Record<RectificationItemTable['status'], string> = { open: '待整改', answered: '已反馈', accepted: '已销号', reopened: '退回重改' };
export const BASIS_LABEL: Record<RectificationNoticeTable['basis'], string> = { findings: '校验发现', rescore: '复核结果', grade: '评价等次为中或差', other: '其他' };

export type Side = 'department' | 'finance';

export function isFinanceOver(actor: Actor, d: Pick<DepartmentTable, 'bureau_id' | 'section_id'>): boolean {
  if (actor.kind !== 'business' || !actor.roles.some((r) => r === 'reviewer' || r === 'perf_admin')) return false;
  try {
    return inFinanceScope(financeScope(actor), d);
  } catch {
    return false;
  }
}

/** The notice and the actor's side on it; 404 when the actor may not see it. */
export async function loadNotice(deps: Deps, actor: Actor, id: string, db = deps.db.kysely): Promise<{ notice: RectificationNoticeTable; department: DepartmentTable; side: Side }> {
  const notice = await findNotice(db, id);
  const department = notice ? await findDepartment(db, notice.department_id) : undefined;
  if (!notice || !department) throw notFound('整改通知');
  if (isFinanceOver(actor, department)) return { notice, department, side: 'finance' };
  if (isDepartmentMember(actor, { department_id: department.id })) return { notice, department, side: 'department' };
  throw notFound('整改通知');
}

export function assertDepartmentAnswerer(actor: Actor, side: Side): void {
  if (side !== 'department' || !actor.roles.some((r) => r === 'preparer' || r === 'head')) throw forbidden('只有被通知部门的填报人或负责人可以反馈整改情况');
}

export interface ItemView {
  id: string;
  seq: number;
  problem: string;
  requirement: string;
  dueDate: string | null;
  responsible: string;
  status: RectificationItemTable['status'];
  statusLabel: string;
  answer: string;
  answeredAt: string | null;
  reviewNote: string;
  reviewedAt: string | null;
  version: number;
  evidence: Array<{ id: string; fileName: string; format: string; size: number; sha256: string; uploadedAt: string }>;
}

export interface NoticeView {
  id: string;
  departmentId: string;
  departmentName: string;
  reportId: string | null;
  taskId: string | null;
  year: number;
  title: string;
  basis: RectificationNoticeTable['basis'];
  basisLabel: string;
  status: RectificationNoticeTable['status'];
  issuedAt: string;
  closedAt: string | null;
  items: ItemView[];
  /** the viewer's side: the department answers, finance accepts or reopens */
  side?: Side;
}

function itemView(i: RectificationItemTable, files: Array<Omit<EvidenceFileTable, 'content'>>): ItemView {
  return {
    id: i.id, seq: i.seq, problem: i.problem, requirement: i.requirement, dueDate: i.due_date, responsible: i.responsible,
    status: i.status, statusLabel: ITEM_STATUS_LABEL[i.status], answer: i.answer, answeredAt: i.answered_at, reviewNote: i.review_note, reviewedAt: i.reviewed_at, version: i.version,
    evidence: files.filter((f) => f.item_id === i.id).map((f) => ({ id: f.id, fileName: f.file_name, format: f.format, size: f.size, sha256: f.sha256, uploadedAt: f.uploaded_at })),
  };
}

export async function noticeViews(db: Deps['db']['kysely'], notices: ReadonlyArray<RectificationNoticeTable & { department_name?: string }>, names?: Map<string, string>): Promise<NoticeView[]> {
  const items = await listItems(db, notices.map((n) => n.id));
  const files = await listEvidence(db, items.map((i) => i.id));
  return notices.map((n) => ({
    id: n.id, departmentId: n.department_id, departmentName: n.department_name ?? names?.get(n.department_id) ?? '', reportId: n.report_id, taskId: n.task_id,
    year: n.year, title: n.title, basis: n.basis, basisLabel: BASIS_LABEL[n.basis], status: n.status, issuedAt: n.issued_at, closedAt: n.closed_at,
    items: items.filter((i) => i.notice_id === n.id).map((i) => itemView(i, files)),
  }));
}
