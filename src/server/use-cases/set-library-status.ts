// 停用 / 启用 an entry. An entry is never deleted: reports of past years quote it, and its id is how next
// year's report finds their values; a retired entry is no longer offered for quoting.
import type { LibraryEntry, LibraryStatus } from '../../core/library/model';
import type { Actor } from '../auth/actor';
import type { Deps } from '../deps';
import { writeEntry } from './library-shared';

export async function setLibraryStatus(deps: Deps, o: { actor: Actor; id: string; ifMatch: number | null; status: LibraryStatus }): Promise<LibraryEntry> {
  return writeEntry(deps, o.actor, o.id, o.ifMatch, (row) => ({
    set: { status: o.status },
    event: o.status === 'retired' ? 'library_retire' : 'library_restore',
    detail: { from: row.status, to: o.status },
  }));
}
