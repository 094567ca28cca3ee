// 变更记录 of one organisation unit, newest first, as the 组织机构 screen shows it: names of sections
// rather than their ids, 在用/已停用 rather than timestamps.
import type { OrgHistoryTable } from '../db/schema';
import type { Deps } from '../deps';
import { assertOrgReader, type OrgActor } from './org-shared';
import type { OrgUnitType } from './change-org-unit';

export interface OrgHistoryEntry {
  at: string;
  actor: string;
  field: OrgHistoryTable['field'];
  fieldLabel: string;
  before: string;
  after: string;
}

export const ORG_FIELD_LABEL: Record<OrgHistoryTable['field'], string> = { name: '名称', region: '地区', section: '归口科室', disabled: '状态' };

export async function orgHistory(deps: Deps, o: { actor: OrgActor; type: OrgUnitType; id: string }): Promise<OrgHistoryEntry[]> {
  assertOrgReader(o.actor);
  const db = deps.db.kysely;
  const rows = await db.selectFrom('org_history').selectAll().where('object_type', '=', o.type).where('object_id', '=', o.id).orderBy('at', 'desc').orderBy('id').execute();
  const sectionIds = [...new Set(rows.filter((r) => r.field === 'section').flatMap((r) => [r.before, r.after]).filter((x): x is string => !!x))];
  const names = new Map(sectionIds.length ? (await db.selectFrom('sections').select(['id', 'name']).where('id', 'in', sectionIds).execute()).map((s) => [s.id, s.name]) : []);
  const show = (field: OrgHistoryTable['field'], v: string | null): string => {
    if (field === 'disabled') return v ? '已停用' : '在用';
    if (field === 'section') return v ? (names.get(v) ?? v) : '（无）';
    return v ?? '';
  };
  return rows.map((r) => ({ at: r.at, actor: r.actor_username, field: r.field, fieldLabel: ORG_FIELD_LABEL[r.field], before: show(r.field, r.before), after: show(r.field, r.after) }));
}
