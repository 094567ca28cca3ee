// 新增科室 of a bureau: a 归口业务科室 (counterpart: reviews its departments' reports) or the
// 绩效管理科 (performance: sees the whole bureau, publishes).
import type { SectionTable } from '../db/schema';
import { isUniqueViolation } from '../db/errors';
import { nowIso, type Deps } from '../deps';
import { AppError } from '../errors';
import { findBureau, findSectionByName, insertSection } from '../repositories/org';
import { assertOrgAdmin, auditActor, cleanName, sectionView, SECTION_KIND_LABEL, type OrgActor, type SectionView } from './org-shared';
import { inTransaction } from './shared';

export interface AddSectionOptions {
  actor: OrgActor;
  bureauId: string;
  name: string;
  kind: SectionTable['kind'];
}

export async function addSection(deps: Deps, o: AddSectionOptions): Promise<SectionView> {
  assertOrgAdmin(o.actor);
  const name = cleanName(o.name, '科室名称');
  if (!(o.kind in SECTION_KIND_LABEL)) throw new AppError('VALIDATION', '科室类型须为 counterpart（归口业务科室）或 performance（绩效管理科）');
  const row: SectionTable = { id: deps.random.uuid(), bureau_id: o.bureauId, name, kind: o.kind, created_at: nowIso(deps.clock) };
  const duplicate = () => new AppError('CONFLICT', `该财政局下已有科室“${name}”`);
  try {
    await inTransaction(deps, async (trx, audit) => {
      const bureau = await findBureau(trx, o.bureauId);
      if (!bureau) throw new AppError('VALIDATION', '所属财政局不存在');
      if (bureau.disabled_at) throw new AppError('VALIDATION', `财政局“${bureau.name}”已停用`);
      if (await findSectionByName(trx, bureau.id, name)) throw duplicate();
      await insertSection(trx, row);
      await audit({ ...auditActor(o.actor), event: 'org_section_add', objectType: 'section', objectId: row.id, detail: { bureauId: bureau.id, name, kind: o.kind } });
    });
  } catch (err) {
    throw isUniqueViolation(err) ? duplicate() : err;
  }
  return sectionView(row);
}
