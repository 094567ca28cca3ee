// 批量导出: every report of a task the finance user may see, in the official rendering, as one zip
// (PDF or DOCX). Runs in the background — one PDF a few seconds, a task has dozens — with its progress
// readable by the user who started it; each file is exported (and audited) as a single download is.
//
// The job and each file it has made are in the database (migration 0062), so a restart loses nothing
// and any app server answers its progress and its zip. The server running a job holds a lease on it,
// renewed with every file; a server that stops gives its leases up, one that dies lets them run out,
// and then whichever server sweeps first carries on from the next report. A job and its files are
// kept for a day after it started.
import { zipSync } from 'fflate';
import { canSeeReport } from '../auth/access';
import { actorOf, type Actor } from '../auth/actor';
import { nowIso, type Deps } from '../deps';
import { AppError, forbidden, notFound } from '../errors';
import {
  batchExportFiles, claimBatchExport, deleteBatchExportsBefore, findBatchExport, finishBatchExport, insertBatchExport,
  orphanedBatchExports, recordBatchStep, releaseBatchExports, type BatchExportRow,
} from '../repositories/batch-exports';
import { findUserById } from '../repositories/users';
import { loadTask } from './bureau-shared';
import { exportReportFile } from './export-report';

export const BATCH_FORMATS = ['pdf', 'docx'] as const;
export type BatchFormat = (typeof BATCH_FORMATS)[number];

export interface BatchJobView {
  id: string;
  taskId: string;
  format: BatchFormat;
  state: 'running' | 'done' | 'failed';
  total: number;
  /** reports processed so far (exported or failed) */
  done: number;
  /** reports that could not be exported, with why */
  failed: Array<{ reportId: string; departmentName: string; message: string }>;
  fileName: string;
}

type Failed = BatchJobView['failed'];
const LEASE_MS = 60_000;
const SWEEP_MS = 15_000;
const KEEP_MS = 24 * 3600_000;

/** This server's name on the leases it holds, and the jobs it is running now. */
interface Runner {
  owner: string;
  running: Set<string>;
  stopping: boolean;
}
const RUNNERS = new WeakMap<Deps, Runner>();
function runnerOf(deps: Deps): Runner {
  let r = RUNNERS.get(deps);
  if (!r) RUNNERS.set(deps, (r = { owner: deps.random.uuid(), running: new Set(), stopping: false }));
  return r;
}

const reportsOf = (row: BatchExportRow): Array<{ id: string; departmentName: string }> => JSON.parse(row.reports);

function view(row: BatchExportRow): BatchJobView {
  return {
    id: row.id, taskId: row.task_id, format: row.format, state: row.state, total: reportsOf(row).length, done: row.done,
    failed: JSON.parse(row.failed) as Failed, fileName: row.file_name,
  };
}

const later = (deps: Deps, ms: number) => new Date(deps.clock.now().getTime() + ms).toISOString();

export async function startBatchExport(deps: Deps, o: { actor: Actor; taskId: string; format: BatchFormat }): Promise<BatchJobView> {
  if (!o.actor.roles.some((r) => r === 'perf_admin' || r === 'reviewer')) throw forbidden('只有财政局用户可以批量导出');
  const task = await loadTask(deps, o.actor, o.taskId);
  // the reports of the task this user may see (finance: those sent to finance at least once)
  const reports = (
    await deps.db.kysely.selectFrom('reports as r').innerJoin('departments as d', 'd.id', 'r.department_id')
      .select(['r.id', 'r.department_name', 'r.project_name', 'r.bureau_id', 'r.department_id', 'd.section_id as department_section_id', 'r.status', 'r.finance_since'])
      .where('r.task_id', '=', task.id).orderBy('r.department_name').execute()
  ).filter((r) => canSeeReport(o.actor, r));
  const at = nowIso(deps.clock);
  const runner = runnerOf(deps);
  const row: BatchExportRow = {
    id: deps.random.uuid(), user_id: o.actor.id, ip: o.actor.ip, task_id: task.id, format: o.format, state: 'running',
    file_name: `${task.year}年度${task.title || '绩效自评任务'}-全部报告（${o.format.toUpperCase()}，正式版）.zip`.replace(/[\\/:*?"<>|\s]+/g, ''),
    // a 项目支出 task's tables are named by department and project (the failure list says which one)
    reports: JSON.stringify(reports.map((r) => ({ id: r.id, departmentName: r.project_name ? `${r.department_name}·${r.project_name}` : r.department_name }))),
    done: 0, failed: '[]', lease_owner: runner.owner, lease_until: later(deps, LEASE_MS), created_at: at, updated_at: at,
  };
  await insertBatchExport(deps.db.kysely, row);
  void runBatchExport(deps, row.id);
  return view(row);
}

/**
 * Runs a job from where it stands until it is done, this server stops, or another server holds it.
 * Each report's file and the step count are written together, so a crash between two reports costs at
 * most the one being exported.
 */
export async function runBatchExport(deps: Deps, id: string): Promise<void> {
  const runner = runnerOf(deps);
  if (runner.running.has(id) || runner.stopping) return;
  runner.running.add(id);
  try {
    const db = deps.db.kysely;
    if (!(await claimBatchExport(db, { id, owner: runner.owner, now: nowIso(deps.clock), until: later(deps, LEASE_MS) }))) return;
    let row = (await findBatchExport(db, id))!;
    const user = await findUserById(db, row.user_id);
    if (!user || user.disabled === 1) {
      const failed: Failed = [...(JSON.parse(row.failed) as Failed), { reportId: '', departmentName: '', message: '发起导出的账号已停用，导出中止' }];
      await db.updateTable('batch_exports').set({ failed: JSON.stringify(failed) }).where('id', '=', id).execute();
      await finishBatchExport(db, { id, owner: runner.owner, state: 'failed', now: nowIso(deps.clock) });
      return;
    }
    const actor = actorOf(user, row.ip);
    const reports = reportsOf(row);
    const names = new Set((await batchExportFiles(db, id)).map((f) => f.name));
    while (row.done < reports.length) {
      if (runner.stopping) return;
      const r = reports[row.done]!;
      const failed = JSON.parse(row.failed) as Failed;
      let file: { name: string; content: Buffer } | null = null;
      try {
        // as a single download: the user's access now, the official rendering, audited
        const f = await exportReportFile(deps, { actor, id: r.id, format: row.format, rendering: 'official' });
        let name = f.fileName;
        for (let n = 2; names.has(name); n++) name = f.fileName.replace(/(\.\w+)$/, `-${n}$1`);
        file = { name, content: Buffer.from(f.bytes) };
      } catch (err) {
        failed.push({ reportId: r.id, departmentName: r.departmentName, message: err instanceof Error ? err.message : String(err) });
      }
      const now = nowIso(deps.clock);
      const kept = await db.transaction().execute((trx) =>
        recordBatchStep(trx, { id, owner: runner.owner, done: row.done, file, failed: JSON.stringify(failed), until: later(deps, LEASE_MS), now }),
      );
      if (!kept) return; // another server took the job over (this one was too slow to renew): it carries on
      if (file) names.add(file.name);
      row = { ...row, done: row.done + 1, failed: JSON.stringify(failed) };
    }
    await finishBatchExport(db, { id, owner: runner.owner, state: 'done', now: nowIso(deps.clock) });
  } catch (err) {
    deps.logger.error({ err, job: id }, '批量导出失败');
    await finishBatchExport(deps.db.kysely, { id, owner: runner.owner, state: 'failed', now: nowIso(deps.clock) }).catch(() => undefined);
  } finally {
    runner.running.delete(id);
  }
}

/** Takes up the jobs no server runs (after a restart, or when another server died), and drops old ones. */
export async function sweepBatchExports(deps: Deps): Promise<void> {
  const db = deps.db.kysely;
  await deleteBatchExportsBefore(db, new Date(deps.clock.now().getTime() - KEEP_MS).toISOString());
  for (const id of await orphanedBatchExports(db, nowIso(deps.clock))) void runBatchExport(deps, id);
}

/** The background part of batch export on this server: a sweep now and every 15 s; `stop` gives the leases up. */
export function startBatchExportWorker(deps: Deps): { stop(): Promise<void> } {
  const sweep = () => sweepBatchExports(deps).catch((err: unknown) => deps.logger.error({ err }, '批量导出任务检查失败'));
  void sweep();
  const timer = setInterval(sweep, SWEEP_MS);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      const runner = runnerOf(deps);
      runner.stopping = true;
      await releaseBatchExports(deps.db.kysely, runner.owner).catch(() => undefined);
    },
  };
}

async function mine(deps: Deps, actor: Actor, id: string): Promise<BatchExportRow> {
  const row = await findBatchExport(deps.db.kysely, id);
  if (!row || row.user_id !== actor.id) throw notFound('导出任务');
  return row;
}

export async function batchExportStatus(deps: Deps, o: { actor: Actor; id: string }): Promise<BatchJobView> {
  return view(await mine(deps, o.actor, o.id));
}

export async function batchExportFile(deps: Deps, o: { actor: Actor; id: string }): Promise<{ bytes: Uint8Array; fileName: string }> {
  const row = await mine(deps, o.actor, o.id);
  if (row.state !== 'done') throw new AppError('INVALID_STATE', '导出尚未完成，请稍候');
  const files = await batchExportFiles(deps.db.kysely, row.id);
  // PDF and DOCX are compressed already
  const zip = zipSync(Object.fromEntries(files.map((f) => [f.name, new Uint8Array(f.content)])), { level: 0 });
  return { bytes: zip, fileName: row.file_name };
}
