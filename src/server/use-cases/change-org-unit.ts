// 维护组织机构: the system administrator renames a bureau, section or department, moves a department to
// another 归口科室, or disables (停用) / re-enables a unit. Units are never deleted: reports, accounts and
// the audit log point at them. Each changed field is one org_history row (the unit's 变更记录) and the
// whole change one audit row, in the same transaction. A report keeps the department name it was filed
// under; a moved department's reports are reviewed by its new section from then on.
import type { BureauTable, DB, DepartmentTable, OrgHistoryTable, SectionTable } from '../db/schema';
import { isUniqueViolation } from '../db/errors';
import { nowIso, type Deps } from '../deps';
import { AppError, notFound } from '../errors';
import { findBureauByName, findSectionByName } from '../repositories/org';
import {
  assertCounterpartSection, assertOrgAdmin, auditActor, bureauView, cleanName, departmentView, sectionView,
  type BureauView, type DepartmentView, type OrgActor, type SectionView,
} from './org-shared';
import { inTransaction } from './shared';

export type OrgUnitType = OrgHistoryTable['object_type'];

export interface ChangeOrgUnitOptions {
  actor: OrgActor;
  type: OrgUnitType;
  id: string;
  name?: string;
  /** bureaus only: 地区 */
  region?: string;
  /** departments only: the new 归口科室 (null: none) */
  sectionId?: string | null;
  disabled?: boolean;
}

type Row = BureauTable | SectionTable | DepartmentTable;
const TABLE = { bureau: 'bureaus', section: 'sections', department: 'departments' } as const;
const WHAT = { bureau: '财政局', section: '科室', department: '部门(单位)' } as const;

export async function changeOrgUnit(deps: Deps, o: ChangeOrgUnitOptions): Promise<BureauView | SectionView | DepartmentView> {
  assertOrgAdmin(o.actor);
  const what = WHAT[o.type];
  const at = nowIso(deps.clock);
  const duplicate = (name: string) => new AppError('CONFLICT', o.type === 'bureau' ? `财政局“${name}”已存在` : `该财政局下已有科室“${name}”`);
  try {
    return await inTransaction(deps, async (trx, audit) => {
      const row = (await trx.selectFrom(TABLE[o.type]).selectAll().where('id', '=', o.id).executeTakeFirst()) as Row | undefined;
      if (!row) throw notFound(what);
      const set: Partial<Record<'name' | 'region' | 'section_id' | 'disabled_at', string | null>> = {};
      const changes: Pick<OrgHistoryTable, 'field' | 'before' | 'after'>[] = [];
      const change = (field: OrgHistoryTable['field'], column: keyof typeof set, before: string | null, after: string | null) => {
        if (before === after) return;
        set[column] = after;
        changes.push({ field, before, after });
      };

      if (o.name !== undefined) {
        const name = cleanName(o.name, `${what}名称`);
        if (name !== row.name && o.type !== 'department') {
          const holder = o.type === 'bureau' ? await findBureauByName(trx, name) : await findSectionByName(trx, (row as SectionTable).bureau_id, name);
          if (holder) throw duplicate(name);
        }
        change('name', 'name', row.name, name);
      }
      if (o.region !== undefined) {
        if (o.type !== 'bureau') throw new AppError('VALIDATION', '只有财政局有所属地区');
        change('region', 'region', (row as BureauTable).region, o.region.normalize('NFC').trim());
      }
      if (o.sectionId !== undefined) {
        if (o.type !== 'department') throw new AppError('VALIDATION', '只有部门(单位)可以调整归口科室');
        const d = row as DepartmentTable;
        if (o.sectionId && o.sectionId !== d.section_id) await assertCounterpartSection(trx, d.bureau_id, o.sectionId);
        change('section', 'section_id', d.section_id, o.sectionId || null);
      }
      if (o.disabled !== undefined && o.disabled !== (row.disabled_at != null)) {
        if (o.disabled) await assertMayDisable(trx, o.type, row);
        else await assertMayEnable(trx, o.type, row);
        changes.push({ field: 'disabled', before: row.disabled_at ?? null, after: o.disabled ? at : null });
        set.disabled_at = o.disabled ? at : null;
      }
      if (!changes.length) return viewOf(o.type, row);

      // only columns of this unit's table are in `set` (region for bureaus, section_id for departments: checked above)
      await trx.updateTable(TABLE[o.type]).set(set as never).where('id', '=', row.id).execute();
      await trx.insertInto('org_history').values(changes.map((c) => ({
        id: deps.random.uuid(), object_type: o.type, object_id: row.id, ...c,
        actor_id: o.actor?.id ?? null, actor_username: o.actor?.username ?? 'cli', at,
      }))).execute();
      await audit({ ...auditActor(o.actor), event: `org_${o.type}_change`, objectType: o.type, objectId: row.id, detail: { changes } });
      return viewOf(o.type, { ...row, ...set } as Row);
    });
  } catch (err) {
    throw isUniqueViolation(err) ? duplicate(o.name ?? '') : err;
  }
}

function viewOf(type: OrgUnitType, row: Row) {
  return type === 'bureau' ? bureauView(row as BureauTable) : type === 'section' ? sectionView(row as SectionTable) : departmentView(row as DepartmentTable);
}

/** A unit still holding units in use cannot be disabled: they would be left without a parent that works. */
async function assertMayDisable(db: DB, type: OrgUnitType, row: Row): Promise<void> {
  const count = async (table: 'sections' | 'departments', column: 'bureau_id' | 'section_id' | 'parent_id') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where(column, '=', row.id).where('disabled_at', 'is', null).executeTakeFirst())?.n ?? 0);
  if (type === 'bureau') {
    const n = (await count('sections', 'bureau_id')) + (await count('departments', 'bureau_id'));
    if (n) throw new AppError('CONFLICT', `财政局“${row.name}”下还有 ${n} 个在用的科室或部门，请先停用它们`);
  } else if (type === 'section') {
    const n = await count('departments', 'section_id');
    if (n) throw new AppError('CONFLICT', `科室“${row.name}”仍归口 ${n} 个在用的部门，请先将这些部门调整到其他科室`);
  } else {
    const n = await count('departments', 'parent_id');
    if (n) throw new AppError('CONFLICT', `部门“${row.name}”下还有 ${n} 个在用的下属单位，请先停用它们`);
  }
}

/** Re-enabling needs the unit's bureau (and a department's 归口科室) to be in use. */
async function assertMayEnable(db: DB, type: OrgUnitType, row: Row): Promise<void> {
  if (type === 'bureau') return;
  const b = await db.selectFrom('bureaus').select(['name', 'disabled_at']).where('id', '=', (row as SectionTable).bureau_id).executeTakeFirst();
  if (b?.disabled_at) throw new AppError('CONFLICT', `所属财政局“${b.name}”已停用，请先启用财政局`);
  const sectionId = type === 'department' ? (row as DepartmentTable).section_id : null;
  if (sectionId) {
    const s = await db.selectFrom('sections').select(['name', 'disabled_at']).where('id', '=', sectionId).executeTakeFirst();
    if (s?.disabled_at) throw new AppError('CONFLICT', `归口科室“${s.name}”已停用，请先调整归口科室或启用该科室`);
  }
}
