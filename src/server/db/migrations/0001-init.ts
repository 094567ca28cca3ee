// The first schema: organisation, accounts, sessions, reports and their history, signatures, waivers,
// returns, the hash-chained audit log and idempotency keys. Both dialects; see ../columns.ts.
import { sql, type Kysely } from 'kysely';
import { appendOnly, jsonType } from '../columns';
import type { Dialect } from '../schema';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const json = jsonType(dialect);
  const s = db.schema;

  await s.createTable('bureaus').addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull()).addColumn('region', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull()).execute();

  await s.createTable('sections').addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('bureau_id', 'text', (c) => c.notNull().references('bureaus.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('counterpart', 'performance')`))
    .addColumn('created_at', 'text', (c) => c.notNull()).execute();

  await s.createTable('departments').addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('bureau_id', 'text', (c) => c.notNull().references('bureaus.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('budget_code', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'text', (c) => c.references('departments.id'))
    .addColumn('section_id', 'text', (c) => c.references('sections.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('departments_bureau_code', ['bureau_id', 'budget_code']).execute();

  await s.createTable('users').addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull().unique().check(sql`username = lower(username)`))
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('business', 'sysadmin', 'secadmin', 'auditor')`))
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('bureau_id', 'text', (c) => c.references('bureaus.id'))
    .addColumn('department_id', 'text', (c) => c.references('departments.id'))
    .addColumn('section_id', 'text', (c) => c.references('sections.id'))
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0).check(sql`disabled in (0, 1)`))
    .addColumn('failed_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('password_changed_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    // target of user_roles' composite key: roles can only hang off business accounts
    .addUniqueConstraint('users_id_kind', ['id', 'kind']).execute();

  // 三员 separation by construction: an account has exactly one kind, and business roles can only be
  // attached to kind = 'business' (the composite foreign key + check), so no account holds two admin
  // powers or an admin power plus report access.
  await s.createTable('user_roles')
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('user_kind', 'text', (c) => c.notNull().defaultTo('business').check(sql`user_kind = 'business'`))
    .addColumn('role', 'text', (c) =>
      c.notNull().check(sql`role in ('preparer', 'evaluator', 'leader', 'head', 'reviewer', 'perf_admin')`))
    .addPrimaryKeyConstraint('user_roles_pk', ['user_id', 'role'])
    .addForeignKeyConstraint('user_roles_user', ['user_id', 'user_kind'], 'users', ['id', 'kind'], (fk) => fk.onDelete('cascade'))
    .execute();

  await s.createTable('login_throttle').addColumn('username', 'text', (c) => c.primaryKey())
    .addColumn('failed_count', 'integer', (c) => c.notNull().defaultTo(0)).addColumn('locked_until', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull()).execute();

  await s.createTable('sessions').addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull()).addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull()).addColumn('ip', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await s.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await s.createTable('reports').addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('bureau_id', 'text', (c) => c.notNull().references('bureaus.id'))
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('department_name', 'text', (c) => c.notNull())
    .addColumn('year', 'integer').addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('template_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(
      sql`status in ('draft', 'dept_review', 'submitted', 'finance_review', 'accepted', 'returned', 'published')`))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('document', json, (c) => c.notNull())
    .addColumn('self_score', 'double precision').addColumn('grade', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('finance_since', 'text').addColumn('import_meta', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull()).addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull()).addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('reports_department').on('reports').columns(['department_id', 'year']).execute();
  await s.createIndex('reports_bureau_status').on('reports').columns(['bureau_id', 'status']).execute();

  await s.createTable('report_versions')
    .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id'))
    .addColumn('version', 'integer', (c) => c.notNull()).addColumn('status', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull()).addColumn('document', json, (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull()).addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_versions_pk', ['report_id', 'version']).execute();

  await s.createTable('signatures').addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('evaluator', 'leader', 'head', 'reviewer')`))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('signer_name', 'text', (c) => c.notNull()).addColumn('opinion', 'text', (c) => c.notNull())
    .addColumn('report_hash', 'text', (c) => c.notNull()).addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('signatures_report').on('signatures').column('report_id').execute();

  await s.createTable('waivers').addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id'))
    .addColumn('version', 'integer', (c) => c.notNull()).addColumn('code', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull().check(sql`length(trim(reason)) > 0`))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull()).execute();
  await s.createIndex('waivers_report').on('waivers').column('report_id').execute();

  await s.createTable('returns').addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull().check(sql`length(trim(reason)) > 0`))
    .addColumn('paths', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('role', 'text', (c) => c.notNull()).addColumn('created_at', 'text', (c) => c.notNull()).execute();
  await s.createIndex('returns_report').on('returns').column('report_id').execute();

  await s.createTable('audit_log').addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('ts', 'text', (c) => c.notNull()).addColumn('actor_id', 'text').addColumn('actor_username', 'text')
    .addColumn('actor_role', 'text').addColumn('ip', 'text').addColumn('event', 'text', (c) => c.notNull())
    .addColumn('object_type', 'text').addColumn('object_id', 'text')
    .addColumn('outcome', 'text', (c) => c.notNull().check(sql`outcome in ('success', 'failure')`))
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull()).addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await appendOnly(db, dialect, 'audit_log');

  await s.createTable('idempotency_keys').addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull()).addColumn('endpoint', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull()).addColumn('status_code', 'integer', (c) => c.notNull())
    .addColumn('response', 'text', (c) => c.notNull()).addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_pk', ['user_id', 'key']).execute();
}

export async function down(): Promise<void> {
  // The first migration is never rolled back: the audit log must not be dropped by a tool.
  throw new Error('0001-init 不可回滚');
}
