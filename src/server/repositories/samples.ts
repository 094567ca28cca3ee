// 抽查 samples and their picks.
import type { DB } from '../db/schema';
import type { SamplePickTable, SampleTable } from '../db/schema-bureau';

export async function findSample(db: DB, taskId: string): Promise<SampleTable | undefined> {
  return db.selectFrom('samples').selectAll().where('task_id', '=', taskId).executeTakeFirst();
}

export async function replaceSample(db: DB, sample: SampleTable, picks: SamplePickTable[]): Promise<void> {
  const old = await findSample(db, sample.task_id);
  if (old) {
    await db.deleteFrom('sample_picks').where('sample_id', '=', old.id).execute();
    await db.deleteFrom('samples').where('id', '=', old.id).execute();
  }
  await db.insertInto('samples').values(sample).execute();
  for (let i = 0; i < picks.length; i += 200) await db.insertInto('sample_picks').values(picks.slice(i, i + 200)).execute();
}

export async function listPicks(db: DB, sampleId: string): Promise<SamplePickTable[]> {
  return db.selectFrom('sample_picks').selectAll().where('sample_id', '=', sampleId).orderBy('risk', 'desc').orderBy('department_id').orderBy('report_id').execute();
}

export async function upsertPick(db: DB, row: SamplePickTable): Promise<void> {
  await db.insertInto('sample_picks').values(row)
    .onConflict((oc) => oc.columns(['sample_id', 'report_id']).doUpdateSet({ dropped: row.dropped, note: row.note, updated_by: row.updated_by, updated_at: row.updated_at }))
    .execute();
}

/** Reports currently in a stored sample (not dropped). */
export async function sampledReportIds(db: DB, reportIds: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < reportIds.length; i += 500) {
    const rows = await db.selectFrom('sample_picks').select('report_id').where('report_id', 'in', reportIds.slice(i, i + 500)).where('dropped', '=', 0).execute();
    for (const r of rows) out.add(r.report_id);
  }
  return out;
}

/** The latest year each department of a bureau was sampled (picks not dropped), before `beforeYear`. */
export async function lastSampledYears(db: DB, bureauId: string, beforeYear: number): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('sample_picks as p')
    .innerJoin('samples as s', 's.id', 'p.sample_id')
    .innerJoin('tasks as t', 't.id', 's.task_id')
    .select(['p.department_id', (eb) => eb.fn.max('t.year').as('year')])
    .where('t.bureau_id', '=', bureauId)
    .where('t.year', '<', beforeYear)
    .where('p.dropped', '=', 0)
    .groupBy('p.department_id')
    .execute();
  return new Map(rows.map((r) => [r.department_id, Number(r.year)]));
}
