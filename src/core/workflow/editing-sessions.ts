// The history as a person reads it: autosave writes a version every few seconds of typing (each stays,
// restorable and in the audit log), but the list shows one line per editing session — consecutive saves by
// the same person with no pause longer than `gapMinutes` — with the saves it holds folded beneath it.
// Every other version (create, import, submit, sign, a restore …) is a line of its own.

export interface VersionLike {
  version: number;
  action: string;
  user_id?: string;
  created_at?: string;
}

export interface EditingSession<V extends VersionLike> {
  /** the session's newest version: what the line shows */
  head: V;
  /** the session's other saves, newest first */
  folded: V[];
}

export const SESSION_GAP_MINUTES = 10;

const minutes = (iso?: string) => (iso ? Date.parse(iso) / 60_000 : Number.NaN);

/** Newest session first. */
export function editingSessions<V extends VersionLike>(versions: readonly V[], gapMinutes = SESSION_GAP_MINUTES): Array<EditingSession<V>> {
  const ascending = [...versions].sort((a, b) => a.version - b.version);
  const out: Array<{ members: V[] }> = [];
  for (const v of ascending) {
    const open = out.at(-1);
    const last = open?.members.at(-1);
    const continues =
      open !== undefined && last !== undefined && v.action === 'save' && last.action === 'save' && v.user_id === last.user_id && minutes(v.created_at) - minutes(last.created_at) <= gapMinutes;
    if (continues) open.members.push(v);
    else out.push({ members: [v] });
  }
  return out.reverse().map(({ members }) => {
    const newestFirst = members.reverse();
    return { head: newestFirst[0]!, folded: newestFirst.slice(1) };
  });
}
