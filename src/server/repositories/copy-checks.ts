// The results of a task's copy-detection run.
import type { DB } from '../db/schema';
import type { CopyMatchTable, CopyRunTable } from '../db/schema-bureau';

export async function replaceCopyRun(db: DB, run: CopyRunTable, matches: CopyMatchTable[]): Promise<void> {
  await db.deleteFrom('copy_matches').where('task_id', '=', run.task_id).execute();
  await db.deleteFrom('copy_runs').where('task_id', '=', run.task_id).execute();
  await db.insertInto('copy_runs').values(run).execute();
  for (let i = 0; i < matches.length; i += 200) await db.insertInto('copy_matches').values(matches.slice(i, i + 200)).execute();
}

export async function findCopyRun(db: DB, taskId: string): Promise<CopyRunTable | undefined> {
  return db.selectFrom('copy_runs').selectAll().where('task_id', '=', taskId).executeTakeFirst();
}

export async function listCopyMatches(db: DB, taskId: string, reportIds?: readonly string[]): Promise<CopyMatchTable[]> {
  let q = db.selectFrom('copy_matches').selectAll().where('task_id', '=', taskId);
  if (reportIds) {
    if (!reportIds.length) return [];
    q = q.where('report_id', 'in', reportIds);
  }
  return q.orderBy('report_id').orderBy('kind').orderBy('path').execute();
}

/** Copy flags per report of a task: passages copied and whether the report is filed under the wrong department. */
export async function copyCounts(db: DB, taskId: string): Promise<Map<string, { passages: number; wrongDepartment: boolean; whole: boolean }>> {
  const rows = await db.selectFrom('copy_matches').select(['report_id', 'kind']).where('task_id', '=', taskId).execute();
  const out = new Map<string, { passages: number; wrongDepartment: boolean; whole: boolean }>();
  for (const r of rows) {
    const c = out.get(r.report_id) ?? { passages: 0, wrongDepartment: false, whole: false };
    if (r.kind === 'passage') c.passages++;
    if (r.kind === 'wrong_department') c.wrongDepartment = true;
    if (r.kind === 'whole') c.whole = true;
    out.set(r.report_id, c);
  }
  return out;
}
