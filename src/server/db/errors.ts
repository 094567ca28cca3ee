// Driver errors the use-cases care about, recognised the same way on both dialects.

/** A UNIQUE or PRIMARY KEY violation: PostgreSQL SQLSTATE 23505, better-sqlite3 SQLITE_CONSTRAINT_UNIQUE/PRIMARYKEY. */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
