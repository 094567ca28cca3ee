// Idempotency keys (security.md §5.4): the stored response of a request, replayed when it is retried.
import type { DB, IdempotencyTable } from '../db/schema';

export async function findIdempotent(db: DB, userId: string, key: string): Promise<IdempotencyTable | undefined> {
  return db.selectFrom('idempotency_keys').selectAll().where('user_id', '=', userId).where('key', '=', key).executeTakeFirst();
}

export async function insertIdempotent(db: DB, row: IdempotencyTable): Promise<void> {
  await db.insertInto('idempotency_keys').values(row).execute();
}
