// JSON documents: jsonb on PostgreSQL comes back parsed, text on SQLite comes back as a string.
import type { Dialect } from '../db/schema';

/** A document already serialised once, to be written to more than one row (a save's report and version). */
export class EncodedJson {
  constructor(readonly text: string) {}
}

export function encodeJson(_dialect: Dialect, value: unknown): string {
  // Both dialects take text: PostgreSQL casts the parameter to jsonb on insert.
  return value instanceof EncodedJson ? value.text : JSON.stringify(value);
}

export function decodeJson<T>(value: unknown): T {
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
