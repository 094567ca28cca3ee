// The separation-of-duty check before every transition and signature reads who took which step on the
// report (duty-context.ts). It read every version row, saves included: a report with 3,300 versions took
// 8.5 ms of SQLite per transition. This index holds the step, its user and version beside the report, so
// the check reads only the steps it judges, one per person and kind.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('report_versions_steps').on('report_versions').columns(['report_id', 'action', 'user_id', 'version']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('report_versions_steps').execute();
}
