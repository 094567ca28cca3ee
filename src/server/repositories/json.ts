// JSON documents: jsonb on PostgreSQL comes back parsed, text on SQLite comes back as a string.
import type { Dialect } from '../db/schema';

export function encodeJson(_dialect: Dialect, value: unknown): string {
  // Both dialects take text: PostgreSQL casts the parameter to jsonb on insert.
  return JSON.stringify(value);
}

export function decodeJson<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}
