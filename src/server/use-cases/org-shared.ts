// What the organisation use-cases share: who may administer it (the 系统管理员, or the local CLI), the
// views the API returns, and the Chinese validation of names and 预算编码.
import type { Actor } from '../auth/actor';
import type { BureauTable, DB, DepartmentTable, SectionTable } from '../db/schema';
import { findSection } from '../repositories/org';
import { AppError, forbidden } from '../errors';
import { by } from './shared';

/** null = the local CLI (`jixiao org …`), run by whoever operates the machine. */
export type OrgActor = Actor | null;

export function assertOrgAdmin(actor: OrgActor): void {
  if (actor && actor.kind !== 'sysadmin') throw forbidden('只有系统管理员可以维护财政局、科室和部门');
}

/** The security administrator reads the tree too: granting a role means naming a department or section. */
export function assertOrgReader(actor: OrgActor): void {
  if (actor && actor.kind !== 'sysadmin' && actor.kind !== 'secadmin') throw forbidden('只有系统管理员和安全管理员可以查看组织机构');
}

export function auditActor(actor: OrgActor) {
  return actor ? by(actor) : { actorUsername: 'cli' };
}

/** A display name: trimmed, NFC, 1–max characters, no control characters. */
export function cleanName(raw: string, what: string, max = 100): string {
  const name = raw.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (!name) throw new AppError('VALIDATION', `请填写${what}`);
  if ([...name].length > max) throw new AppError('VALIDATION', `${what}不能超过 ${max} 个字`);
  if (/[\p{Cc}\p{Cf}]/u.test(name)) throw new AppError('VALIDATION', `${what}中含有不可见的控制字符`);
  return name;
}

/** 预算编码: digits and letters as the budget system issues them (leading zeros kept). */
export function cleanBudgetCode(raw: string): string {
  const code = raw.normalize('NFKC').trim();
  if (!code) throw new AppError('VALIDATION', '请填写预算编码');
  if (!/^[0-9A-Za-z]{3,32}$/.test(code)) throw new AppError('VALIDATION', `预算编码“${code}”格式不正确：须为 3–32 位数字或字母`);
  return code;
}

export const SECTION_KIND_LABEL: Record<SectionTable['kind'], string> = { counterpart: '归口业务科室', performance: '绩效管理科' };

export interface BureauView {
  id: string;
  name: string;
  region: string;
  createdAt: string;
  disabledAt: string | null;
}

export interface SectionView {
  id: string;
  bureauId: string;
  name: string;
  kind: SectionTable['kind'];
  kindLabel: string;
  createdAt: string;
  disabledAt: string | null;
}

export interface DepartmentView {
  id: string;
  bureauId: string;
  name: string;
  budgetCode: string;
  parentId: string | null;
  sectionId: string | null;
  createdAt: string;
  disabledAt: string | null;
}

export const bureauView = (b: BureauTable): BureauView => ({ id: b.id, name: b.name, region: b.region, createdAt: b.created_at, disabledAt: b.disabled_at ?? null });

export const sectionView = (s: SectionTable): SectionView => ({
  id: s.id, bureauId: s.bureau_id, name: s.name, kind: s.kind, kindLabel: SECTION_KIND_LABEL[s.kind], createdAt: s.created_at, disabledAt: s.disabled_at ?? null,
});

export const departmentView = (d: DepartmentTable): DepartmentView => ({
  id: d.id, bureauId: d.bureau_id, name: d.name, budgetCode: d.budget_code, parentId: d.parent_id, sectionId: d.section_id, createdAt: d.created_at, disabledAt: d.disabled_at ?? null,
});

/** A department's 归口科室: a counterpart section of the same bureau that is in use. */
export async function assertCounterpartSection(db: DB, bureauId: string, sectionId: string): Promise<SectionTable> {
  const s = await findSection(db, sectionId);
  if (!s || s.bureau_id !== bureauId) throw new AppError('VALIDATION', '归口科室不存在或不属于该财政局');
  if (s.kind !== 'counterpart') throw new AppError('VALIDATION', `“${s.name}”是绩效管理科，归口科室须为归口业务科室`);
  if (s.disabled_at) throw new AppError('VALIDATION', `科室“${s.name}”已停用，不能再归口部门`);
  return s;
}
