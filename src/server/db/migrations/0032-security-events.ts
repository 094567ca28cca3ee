// Rate-limited aggregation of security events (issue 13 §4): a counter per (event, source) and per event
// per time window, so a flood of refusals or failed logins writes a few rows and then one summary instead
// of one row each. Shared by every app instance (the buckets live in the database).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable('event_buckets')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('window_start', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('first_at', 'text', (c) => c.notNull())
    .addColumn('last_at', 'text', (c) => c.notNull())
    .addColumn('sample', 'text', (c) => c.notNull()) // the first event of the window (JSON), for the summary row
    .addPrimaryKeyConstraint('event_buckets_pk', ['key', 'window_start'])
    .execute();
  await db.schema.createIndex('event_buckets_window').on('event_buckets').column('window_start').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('event_buckets').execute();
}
