// The few places where one migration set has to speak two dialects.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Dialect } from './schema';

/** JSON documents: jsonb on PostgreSQL (queryable later), text on SQLite. */
export function jsonType(dialect: Dialect): 'jsonb' | 'text' {
  return dialect === 'postgres' ? 'jsonb' : 'text';
}

/** File contents: bytea on PostgreSQL, blob on SQLite (both come back as a Buffer). */
export function binaryType(dialect: Dialect): 'bytea' | 'blob' {
  return dialect === 'postgres' ? 'bytea' : 'blob';
}

/** Makes a table append-only: UPDATE and DELETE (and TRUNCATE on PostgreSQL) are refused by the database. */
export async function appendOnly(db: Kysely<unknown>, dialect: Dialect, table: string): Promise<void> {
  const message = `${table} 是只追加的审计表，禁止修改或删除`;
  for (const stmt of appendOnlySql(dialect, table, message)) await stmt.execute(db);
}

function appendOnlySql(dialect: Dialect, table: string, message: string): RawBuilder<unknown>[] {
  const t = sql.id(table);
  if (dialect === 'sqlite') {
    return ['update', 'delete'].map(
      (op) => sql`create trigger ${sql.id(`${table}_no_${op}`)} before ${sql.raw(op)} on ${t}
        begin select raise(abort, ${sql.lit(message)}); end`,
    );
  }
  const fn = sql.id(`${table}_append_only`);
  return [
    sql`create function ${fn}() returns trigger language plpgsql as ${sql.lit(
      `begin raise exception '${message}' using errcode = 'P0001'; end;`,
    )}`,
    sql`create trigger ${sql.id(`${table}_no_update_delete`)} before update or delete on ${t}
      for each row execute function ${fn}()`,
    sql`create trigger ${sql.id(`${table}_no_truncate`)} before truncate on ${t}
      for each statement execute function ${fn}()`,
  ];
}
