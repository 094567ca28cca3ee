// Authentication hardening (issue 13 §2): throttling state for accounts, client addresses and second-factor
// attempts in one table (shared by every app instance); the second factor (TOTP secret sealed with the data
// key, the last accepted time step against replay) and its recovery codes; administrator-set passwords that
// must be changed; sessions with an id the user can see and end, and the stage of the second factor.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  // the old per-username counters are transient state: replaced, not migrated
  await s.dropTable('login_throttle').execute();
  await s.createTable('auth_throttle')
    .addColumn('key', 'text', (c) => c.primaryKey()) // user:<name> | ip:<address> | totp:<user id>
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0)) // claimed and not forgiven, those in flight included
    .addColumn('pending', 'integer', (c) => c.notNull().defaultTo(0)) // claimed, still being checked
    .addColumn('window_start', 'text', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .addColumn('lock_level', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('auth_throttle_updated').on('auth_throttle').column('updated_at').execute();

  await s.alterTable('users').addColumn('password_must_change', 'integer', (c) => c.notNull().defaultTo(0).check(sql`password_must_change in (0, 1)`)).execute();
  await s.alterTable('users').addColumn('totp_secret', 'text').execute();
  await s.alterTable('users').addColumn('totp_enabled_at', 'text').execute();
  await s.alterTable('users').addColumn('totp_last_step', 'integer').execute();

  await s.createTable('recovery_codes')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addPrimaryKeyConstraint('recovery_codes_pk', ['user_id', 'code_hash'])
    .execute();

  await s.alterTable('sessions').addColumn('id', 'text').execute();
  await s.alterTable('sessions').addColumn('mfa', 'text', (c) => c.notNull().defaultTo('ok').check(sql`mfa in ('ok', 'pending', 'enrol')`)).execute();
  await s.alterTable('sessions').addColumn('user_agent', 'text', (c) => c.notNull().defaultTo('')).execute();
  await s.createIndex('sessions_id').on('sessions').column('id').unique().execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  await s.dropIndex('sessions_id').execute();
  for (const c of ['user_agent', 'mfa', 'id']) await s.alterTable('sessions').dropColumn(c).execute();
  await s.dropTable('recovery_codes').execute();
  for (const c of ['totp_last_step', 'totp_enabled_at', 'totp_secret', 'password_must_change']) await s.alterTable('users').dropColumn(c).execute();
  await s.dropTable('auth_throttle').execute();
  await s.createTable('login_throttle').addColumn('username', 'text', (c) => c.primaryKey())
    .addColumn('failed_count', 'integer', (c) => c.notNull().defaultTo(0)).addColumn('locked_until', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull()).execute();
}
