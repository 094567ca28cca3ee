// JSON documents: jsonb on PostgreSQL comes back parsed; text on SQLite is read as its bytes
// (documentColumn) and decoded here, which is several times faster for Chinese text (../utf8.ts).
import { SqliteAdapter, sql, type Kysely, type RawBuilder } from 'kysely';
import type { Dialect } from '../db/schema';
import { decodeUtf8 } from '../utf8';

/** A document already serialised once, to be written to more than one row (a save's report and version). */
export class EncodedJson {
  constructor(readonly text: string) {}
}

export function encodeJson(_dialect: Dialect, value: unknown): string {
  // Both dialects take text: PostgreSQL casts the parameter to jsonb on insert.
  return value instanceof EncodedJson ? value.text : JSON.stringify(value);
}

export function decodeJson<T>(value: unknown): T {
  if (value instanceof Uint8Array) return JSON.parse(decodeUtf8(value)) as T;
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/**
 * A row whose document is computed on first read only: a large report can then go to a worker thread as
 * the stored text it already is, never parsed on the request thread (server/heavy). `lazyDocument`
 * decodes; `withDocument` derives a row whose document is a mapping of another's, still lazily. Spreading
 * such a row reads (and so parses) the document.
 */
export function lazyDocument<R extends { document: unknown }, T>(row: R, decode: () => T): Omit<R, 'document'> & { document: T } {
  const out: Record<string, unknown> = {};
  for (const [k, d] of Object.entries(Object.getOwnPropertyDescriptors(row))) if (k !== 'document') out[k] = d.get ? d.get.call(row) : d.value;
  let value: T | undefined;
  let done = false;
  Object.defineProperty(out, 'document', { enumerable: true, configurable: true, get: () => (done ? value : ((done = true), (value = decode()))) });
  return out as Omit<R, 'document'> & { document: T };
}

export function withDocument<R extends { document: unknown }, T>(row: R, map: (document: R['document']) => T): Omit<R, 'document'> & { document: T } {
  return lazyDocument(row, () => map(row.document));
}

/**
 * A JSON document column to select: on SQLite its bytes (`cast(… as blob)`), which decodeJson turns into the
 * value; on PostgreSQL the jsonb itself. The database handle tells the dialect.
 */
export function documentColumn(db: Kysely<any>, column: string): RawBuilder<unknown> {
  return db.getExecutor().adapter instanceof SqliteAdapter ? sql`cast(${sql.ref(column)} as blob)` : sql`${sql.ref(column)}`;
}
