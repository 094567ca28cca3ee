// A signature request is idempotent per signer and content (issue 13 §3): one row per report, role,
// signer and digest. Duplicates left by concurrent requests before this migration are folded onto the
// earliest of each group first.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`delete from signatures where id in (
    select s.id from signatures s where exists (
      select 1 from signatures e where e.report_id = s.report_id and e.role = s.role and e.user_id = s.user_id
        and e.report_hash = s.report_hash and (e.created_at < s.created_at or (e.created_at = s.created_at and e.id < s.id))))`.execute(db);
  await db.schema.createIndex('signatures_once').on('signatures').columns(['report_id', 'role', 'user_id', 'report_hash']).unique().execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('signatures_once').execute();
}
