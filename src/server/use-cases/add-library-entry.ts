// 新增指标: a 共性指标 by the 绩效管理科 for the whole bureau, or a 部门指标 by a department for itself;
// audited in the same transaction. A second entry of the same 二级 and name for the same owner is a 409.
import type { LibraryEntry, LibraryFieldsInput, LibraryScope } from '../../core/library/model';
import type { Actor } from '../auth/actor';
import { isUniqueViolation } from '../db/errors';
import type { LibraryIndicatorTable } from '../db/schema';
import { nowIso, type Deps } from '../deps';
import { AppError } from '../errors';
import { departmentNames, insertEntry } from '../repositories/library';
import { assertCanMaintain, assertLibraryReader, assertUsableByInBureau, duplicateEntry, entryView, fieldColumns, parseFields } from './library-shared';
import { by, inTransaction } from './shared';

export interface AddLibraryEntryOptions {
  actor: Actor;
  scope: LibraryScope;
  fields: LibraryFieldsInput;
}

export async function addLibraryEntry(deps: Deps, o: AddLibraryEntryOptions): Promise<LibraryEntry> {
  assertLibraryReader(o.actor);
  const departmentId = o.scope === 'department' ? o.actor.departmentId : null;
  if (o.scope === 'department' && !departmentId) throw new AppError('FORBIDDEN', '部门指标由本部门的填报人或负责人维护');
  const owner = { scope: o.scope, bureau_id: o.actor.bureauId, department_id: departmentId };
  assertCanMaintain(o.actor, owner);
  const f = parseFields(o.fields);
  const at = nowIso(deps.clock);
  const row: LibraryIndicatorTable = {
    id: deps.random.uuid(), ...owner, owner_key: departmentId ?? '', ...fieldColumns(f), status: 'active', version: 1,
    created_by: o.actor.id, created_at: at, updated_by: o.actor.id, updated_at: at,
  };
  try {
    await inTransaction(deps, async (trx, audit) => {
      await assertUsableByInBureau(trx, row.bureau_id, f.usableBy);
      await insertEntry(trx, row);
      await audit({ ...by(o.actor), event: 'library_add', objectType: 'library_indicator', objectId: row.id, detail: { scope: row.scope, departmentId, level1: f.level1, level2: f.level2, name: f.name } });
    });
  } catch (err) {
    throw isUniqueViolation(err) ? duplicateEntry(f) : err;
  }
  const names = departmentId ? await departmentNames(deps.db.kysely, [departmentId]) : new Map<string, string>();
  return entryView(row, undefined, departmentId ? names.get(departmentId) ?? null : null);
}
