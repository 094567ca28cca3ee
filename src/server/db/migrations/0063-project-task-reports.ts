// A 项目支出 task takes one 项目支出绩效自评表 per project, several per department: the unique index of 0020
// now covers 部门整体 reports only (a second project of the same name is refused by the use-cases, see
// draft-origin.ts: a rename on save must not fail on an index). The project name becomes a column beside
// self_score and grade, so the board, reminders and samples name a report without reading its document.
// A sample may then hold several reports of one department: its picks are keyed by report.
import { sql, type Kysely } from 'kysely';
import { decodeJson } from '../../repositories/json';

export async function up(db: Kysely<any>): Promise<void> {
  const s = db.schema;
  await s.dropIndex('reports_task_department').execute();
  await s.createIndex('reports_task_department_overall').on('reports').columns(['task_id', 'department_id']).unique()
    .where(sql<boolean>`task_id is not null and kind = 'overall'`).execute();
  // the board's join for project tasks (the unique index above no longer serves it)
  await s.createIndex('reports_task').on('reports').columns(['task_id', 'department_id']).where(sql<boolean>`task_id is not null`).execute();

  await s.alterTable('reports').addColumn('project_name', 'text').execute();
  const projects = await db.selectFrom('reports').select(['id', 'document']).where('kind', '=', 'project').execute();
  for (const r of projects) {
    const name = decodeJson<{ project?: { name?: unknown } }>(r.document).project?.name;
    if (typeof name === 'string') await db.updateTable('reports').set({ project_name: name }).where('id', '=', r.id).execute();
  }

  // every pick names its report (a drawn pick is a candidate report, a manual one must have reached
  // finance), so rows without one were never written; the table is rebuilt, SQLite cannot change a key
  await s.createTable('sample_picks_next')
    .addColumn('sample_id', 'text', (c) => c.notNull().references('samples.id'))
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id'))
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('risk', 'random', 'manual')`))
    .addColumn('risk', 'double precision', (c) => c.notNull())
    .addColumn('reasons', 'text', (c) => c.notNull())
    .addColumn('dropped', 'integer', (c) => c.notNull().defaultTo(0).check(sql`dropped in (0, 1)`))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('updated_by', 'text', (c) => c.notNull()).addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('sample_picks_report_pk', ['sample_id', 'report_id'])
    .execute();
  await sql`insert into sample_picks_next (sample_id, department_id, report_id, source, risk, reasons, dropped, note, updated_by, updated_at)
    select sample_id, department_id, report_id, source, risk, reasons, dropped, note, updated_by, updated_at from sample_picks where report_id is not null`.execute(db);
  await s.dropTable('sample_picks').execute();
  await s.alterTable('sample_picks_next').renameTo('sample_picks').execute();
  await s.createIndex('sample_picks_report').on('sample_picks').column('report_id').execute();
}

export async function down(): Promise<void> {
  // several reports of one department and task cannot go back under the 0020 index
  throw new Error('0063-project-task-reports cannot be undone');
}
