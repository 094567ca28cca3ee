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
