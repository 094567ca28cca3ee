// 批量导出: every report of a task the finance user may see, in the official rendering, as one zip
// (PDF or DOCX). Runs in the background — one PDF a few seconds, a task has dozens — with its progress
// readable by the user who started it; each file is exported (and audited) as a single download is.
// Jobs live in this process's memory for an hour: a restart loses them, and the user starts again.
import { zipSync } from 'fflate';
import { canSeeReport } from '../auth/access';
import type { Actor } from '../auth/actor';
import type { Deps } from '../deps';
import { AppError, forbidden, notFound } from '../errors';
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

interface Job extends BatchJobView {
  userId: string;
  zip: Uint8Array | null;
  createdAt: number;
}

const KEEP_MS = 3600_000;
const JOBS = new WeakMap<Deps, Map<string, Job>>();

function jobsOf(deps: Deps): Map<string, Job> {
  let m = JOBS.get(deps);
  if (!m) JOBS.set(deps, (m = new Map()));
  const now = Date.now();
  for (const [id, j] of m) if (now - j.createdAt > KEEP_MS) m.delete(id);
  return m;
}

const view = ({ userId: _u, zip: _z, createdAt: _c, ...v }: Job): BatchJobView => ({ ...v, failed: [...v.failed] });

export async function startBatchExport(deps: Deps, o: { actor: Actor; taskId: string; format: BatchFormat }): Promise<BatchJobView> {
  if (!o.actor.roles.some((r) => r === 'perf_admin' || r === 'reviewer')) throw forbidden('只有财政局用户可以批量导出');
  const task = await loadTask(deps, o.actor, o.taskId);
  // the reports of the task this user may see (finance: those sent to finance at least once)
  const reports = (
    await deps.db.kysely.selectFrom('reports as r').innerJoin('departments as d', 'd.id', 'r.department_id')
      .select(['r.id', 'r.department_name', 'r.bureau_id', 'r.department_id', 'd.section_id as department_section_id', 'r.status', 'r.finance_since'])
      .where('r.task_id', '=', task.id).orderBy('r.department_name').execute()
  ).filter((r) => canSeeReport(o.actor, r));
  const job: Job = {
    id: deps.random.uuid(), taskId: task.id, format: o.format, state: 'running', total: reports.length, done: 0, failed: [],
    fileName: `${task.year}年度${task.title || '绩效自评任务'}-全部报告（${o.format.toUpperCase()}，正式版）.zip`.replace(/[\\/:*?"<>|\s]+/g, ''),
    userId: o.actor.id, zip: null, createdAt: Date.now(),
  };
  jobsOf(deps).set(job.id, job);
  void (async () => {
    const files: Record<string, Uint8Array> = {};
    for (const r of reports) {
      try {
        const f = await exportReportFile(deps, { actor: o.actor, id: r.id, format: o.format, rendering: 'official' });
        let name = f.fileName;
        for (let n = 2; files[name]; n++) name = f.fileName.replace(/(\.\w+)$/, `-${n}$1`);
        files[name] = f.bytes;
      } catch (err) {
        job.failed.push({ reportId: r.id, departmentName: r.department_name, message: err instanceof Error ? err.message : String(err) });
      }
      job.done += 1;
    }
    job.zip = zipSync(files, { level: 0 }); // PDF and DOCX are compressed already
    job.state = 'done';
  })().catch((err) => {
    job.state = 'failed';
    deps.logger.error({ err }, 'batch export failed');
  });
  return view(job);
}

function mine(deps: Deps, actor: Actor, id: string): Job {
  const j = jobsOf(deps).get(id);
  if (!j || j.userId !== actor.id) throw notFound('导出任务');
  return j;
}

export function batchExportStatus(deps: Deps, o: { actor: Actor; id: string }): BatchJobView {
  return view(mine(deps, o.actor, o.id));
}

export function batchExportFile(deps: Deps, o: { actor: Actor; id: string }): { bytes: Uint8Array; fileName: string } {
  const j = mine(deps, o.actor, o.id);
  if (j.state !== 'done' || !j.zip) throw new AppError('INVALID_STATE', '导出尚未完成，请稍候');
  return { bytes: j.zip, fileName: j.fileName };
}
