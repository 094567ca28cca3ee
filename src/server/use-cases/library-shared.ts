// What the 指标库 use-cases share: who may read the library and who may maintain which entries, the checks
// on what a maintainer writes, and the view the API returns.
import { LibraryFields, type LibraryEntry, type LibraryFieldsInput, type LibraryScope } from '../../core/library/model';
import type { Operator } from '../../core/model/report';
import type { Actor } from '../auth/actor';
import { isUniqueViolation } from '../db/errors';
import type { DB, LibraryIndicatorTable } from '../db/schema';
import { nowIso, type Deps } from '../deps';
import { AppError, forbidden, notFound } from '../errors';
import { bureauDepartments, departmentNames, findEntry, updateEntry, usageOf, type Usage } from '../repositories/library';
import { by, inTransaction } from './shared';

/** Business users of a bureau — its finance sections and its departments — use the library; the 三员 do not. */
export function assertLibraryReader(actor: Actor): asserts actor is Actor & { bureauId: string } {
  if (actor.kind !== 'business' || actor.roles.length === 0 || !actor.bureauId) throw forbidden('只有财政局和预算部门的业务用户可以使用指标库');
}

export const isFinanceUser = (actor: Actor) => actor.roles.includes('perf_admin') || actor.roles.includes('reviewer');

/** 共性指标: the 绩效管理科 of the bureau; 部门指标: the department's own 填报人 and 负责人. */
export function assertCanMaintain(actor: Actor, entry: { scope: LibraryScope; bureau_id: string; department_id: string | null }): void {
  assertLibraryReader(actor);
  if (actor.bureauId !== entry.bureau_id) throw forbidden('不能维护其他财政局的指标库');
  if (entry.scope === 'common') {
    if (!actor.roles.includes('perf_admin')) throw forbidden('共性指标由财政局绩效管理科维护');
    return;
  }
  const ownDepartment = actor.departmentId != null && actor.departmentId === entry.department_id;
  if (!ownDepartment || !(actor.roles.includes('preparer') || actor.roles.includes('head'))) throw forbidden('部门指标由本部门的填报人或负责人维护');
}

/** The fields as the core schema reads them, or a 400 with its first Chinese message. */
export function parseFields(input: LibraryFieldsInput): ReturnType<typeof LibraryFields.parse> {
  const r = LibraryFields.safeParse(input);
  if (!r.success) throw new AppError('VALIDATION', r.error.issues.map((i) => i.message).join('；'));
  return r.data;
}

/** 适用部门 must be departments of the entry's own bureau. */
export async function assertUsableByInBureau(db: DB, bureauId: string, ids: readonly string[]): Promise<void> {
  const known = await bureauDepartments(db, bureauId, ids);
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length) throw new AppError('VALIDATION', `适用部门中有 ${unknown.length} 个不是本财政局的部门`);
}

/** The columns the fields are stored in. */
export function fieldColumns(f: ReturnType<typeof LibraryFields.parse>) {
  return {
    level1: f.level1, level2: f.level2, name: f.name, category: f.category, kind: f.kind, operator: f.operator,
    unit: f.unit, suggested_target: f.suggestedTarget, scoring_rule: f.scoringRule, explanation: f.explanation,
    valid_from: f.validFrom, valid_to: f.validTo, usable_by: JSON.stringify([...new Set(f.usableBy)]),
  };
}

const NO_USE: Usage = { reports: 0, departments: 0, lastYear: null };

export function entryView(row: LibraryIndicatorTable, usage: Usage | undefined, departmentName: string | null): LibraryEntry {
  return {
    id: row.id, bureauId: row.bureau_id, scope: row.scope, departmentId: row.department_id, departmentName,
    level1: row.level1, level2: row.level2, name: row.name, category: row.category, kind: row.kind, operator: row.operator as Operator | null,
    unit: row.unit, suggestedTarget: row.suggested_target, scoringRule: row.scoring_rule, explanation: row.explanation,
    validFrom: row.valid_from, validTo: row.valid_to, usableBy: JSON.parse(row.usable_by) as string[], status: row.status,
    version: row.version, usage: usage ?? NO_USE, updatedAt: row.updated_at,
  };
}

export const duplicateEntry = (f: { level2: string; name: string }) => new AppError('CONFLICT', `指标库中已有“${f.level2}·${f.name}”，请直接修改或启用该指标`);

type Trx = Parameters<Parameters<typeof inTransaction>[1]>[0];

interface Write {
  set: Partial<LibraryIndicatorTable>;
  event: string;
  detail: Record<string, unknown>;
  check?: (trx: Trx) => Promise<void>;
  conflict?: () => AppError;
}

/** Loads, checks the maintainer and the version, writes with compare-and-set and audits — for every entry change. */
export async function writeEntry(deps: Deps, actor: Actor, id: string, ifMatch: number | null, plan: (row: LibraryIndicatorTable) => Write): Promise<LibraryEntry> {
  assertLibraryReader(actor);
  if (ifMatch == null) throw new AppError('PRECONDITION_REQUIRED', '修改指标须带上所依据的版本（If-Match 请求头）');
  const at = nowIso(deps.clock);
  let written: LibraryIndicatorTable;
  let conflict: (() => AppError) | undefined;
  try {
    written = await inTransaction(deps, async (trx, audit) => {
      const row = await findEntry(trx, id);
      if (!row || row.bureau_id !== actor.bureauId) throw notFound('指标');
      assertCanMaintain(actor, row);
      if (row.version !== ifMatch) throw stale(row);
      const w = plan(row);
      conflict = w.conflict;
      await w.check?.(trx);
      const next = { ...row, ...w.set, updated_by: actor.id, updated_at: at };
      if (!(await updateEntry(trx, id, row.version, { ...w.set, updated_by: actor.id, updated_at: at }))) throw stale((await findEntry(trx, id)) ?? row);
      await audit({ ...by(actor), event: w.event, objectType: 'library_indicator', objectId: id, detail: { version: row.version + 1, ...w.detail } });
      return { ...next, version: row.version + 1 };
    });
  } catch (err) {
    if (isUniqueViolation(err) && conflict) throw conflict();
    throw err;
  }
  const db = deps.db.kysely;
  const [usage, names] = await Promise.all([usageOf(db, [id]), departmentNames(db, written.department_id ? [written.department_id] : [])]);
  return entryView(written, usage.get(id), written.department_id ? names.get(written.department_id) ?? null : null);
}

function stale(row: LibraryIndicatorTable): AppError {
  return new AppError('VERSION_CONFLICT', `该指标已被他人修改（当前为第 ${row.version} 版），请刷新后再改`, { current: entryView(row, undefined, null) });
}
