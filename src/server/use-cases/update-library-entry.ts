// 修改指标: the whole set of fields, based on the version the maintainer saw (If-Match); a stale write changes
// nothing (412 with the current entry). The id stays: reports that quote it keep finding it next year.
import type { LibraryEntry, LibraryFieldsInput } from '../../core/library/model';
import type { Actor } from '../auth/actor';
import type { Deps } from '../deps';
import { assertUsableByInBureau, duplicateEntry, fieldColumns, parseFields, writeEntry } from './library-shared';

export interface UpdateLibraryEntryOptions {
  actor: Actor;
  id: string;
  ifMatch: number | null;
  fields: LibraryFieldsInput;
}

export async function updateLibraryEntry(deps: Deps, o: UpdateLibraryEntryOptions): Promise<LibraryEntry> {
  const f = parseFields(o.fields);
  const columns = fieldColumns(f);
  return writeEntry(deps, o.actor, o.id, o.ifMatch, (row) => {
    const changed = (Object.keys(columns) as Array<keyof typeof columns>).filter((k) => row[k] !== columns[k]);
    return { set: columns, event: 'library_update', detail: { changed }, check: (trx) => assertUsableByInBureau(trx, row.bureau_id, f.usableBy), conflict: () => duplicateEntry(f) };
  });
}
