// Keyset paging: a page ends with an opaque cursor naming its last row's sort key, and the next page is
// read from the index right after that key. OFFSET would walk and discard every earlier row: page 100 of
// a province's list cost a hundred pages.
import { AppError } from '../errors';

/** The sort key of a row as URL-safe text. */
export function encodeCursor(key: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** The sort key back; `shape` checks each position (a cursor comes from the client and may be anything). */
export function decodeCursor<T extends unknown[]>(cursor: string, shape: { [K in keyof T]: (v: unknown) => v is T[K] }): T {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = null;
  }
  if (!Array.isArray(key) || key.length !== shape.length || !shape.every((ok, i) => ok(key[i])))
    throw new AppError('VALIDATION', '分页游标（after）无效，请从第一页重新读取');
  return key as T;
}

export const isString = (v: unknown): v is string => typeof v === 'string';
export const isYear = (v: unknown): v is number | null => v === null || (typeof v === 'number' && Number.isInteger(v));
