// 文本雷同检查 for a task: every reported report of the task against the bureau's reported reports of
// this year and the two before (core/bureau/copy-detect.ts), of the task's kind (a 项目支出 table is
// compared with project tables: an overall report's prose is another form), plus each cover against the
// department it is filed under (cover-check.ts). Drafts take no part: a department's unsubmitted text is its own.
// The results replace the task's previous run; the run is audited.
import { coverMismatch } from '../../core/bureau/cover-check';
import { detectCopies } from '../../core/bureau/copy-detect';
import type { Report } from '../../core/model/report';
import { ruleEnv } from '../../core/rules/context';
import { defaultTemplateFor } from '../../core/templates/index';
import type { DB } from '../db/schema';
import type { CopyMatchTable, TaskTable } from '../db/schema-bureau';
import { nowIso, type Deps } from '../deps';
import { replaceCopyRun, findCopyRun, listCopyMatches } from '../repositories/copy-checks';
import { decodeJson } from '../repositories/json';
import { assertPerfAdmin, auditBy, financeScope, loadTask, type BureauActor } from './bureau-shared';
import { inTransaction } from './shared';

export const YEARS_BACK = 2;

export interface CopyRunView {
  taskId: string;
  ranAt: string | null;
  stats: { reports: number; targets: number; passages: number; candidatePairs: number; flaggedReports: number; ms: number } | null;
  matches: Array<{ reportId: string; departmentName: string; kind: CopyMatchTable['kind']; path: string; passage: string; otherReportId: string | null; otherDepartmentName: string; otherYear: number | null; otherPath: string; otherPassage: string; similarity: number | null }>;
}

/**
 * The cover of the file a report was imported from: the report's own cover names its department always
 * (the server sets it), so a neighbour's file shows only here.
 */
function fileCoverOf(meta: string | null): { departmentName: string; budgetCode: string } | null {
  if (!meta) return null;
  try {
    const c = (JSON.parse(meta) as { fileCover?: { departmentName?: unknown; budgetCode?: unknown } }).fileCover;
    return c && typeof c.departmentName === 'string' && typeof c.budgetCode === 'string' ? { departmentName: c.departmentName, budgetCode: c.budgetCode } : null;
  } catch {
    return null;
  }
}

/** Every reported report of the task against the bureau's reported reports of this year and the two before. */
export async function computeCopyMatches(db: DB, t: TaskTable, newId: () => string): Promise<{ matches: CopyMatchTable[]; stats: Omit<NonNullable<CopyRunView['stats']>, 'ms'> }> {
  const rows = await db.selectFrom('reports').select(['id', 'department_id', 'department_name', 'year', 'task_id', 'document', 'import_meta'])
    .where('bureau_id', '=', t.bureau_id).where('kind', '=', t.kind).where('finance_since', 'is not', null).where('year', '>=', t.year - YEARS_BACK).where('year', '<=', t.year).execute();
  const roster = (await db.selectFrom('departments').select(['id', 'name', 'budget_code']).where('bureau_id', '=', t.bureau_id).execute()).map((d) => ({ id: d.id, name: d.name, budgetCode: d.budget_code }));
  const byId = new Map(roster.map((d) => [d.id, d]));
  // a report filed under the wrong department is the copy of the department its cover names, not the
  // other way round; listed last, it is never preferred as the source of a passage over that original
  const docs = rows
    .map((r) => {
      const report = decodeJson<Report>(r.document);
      const own = byId.get(r.department_id);
      return { ...r, report, mismatch: r.task_id === t.id && own ? coverMismatch(fileCoverOf(r.import_meta) ?? report.cover, own, roster) : null };
    })
    .sort((a, b) => Number(!!a.mismatch) - Number(!!b.mismatch) || (b.year ?? 0) - (a.year ?? 0) || (a.id < b.id ? -1 : 1));
  const isTarget = (i: number) => docs[i]!.task_id === t.id;
  const result = detectCopies(docs.map((d) => ({ departmentId: d.department_id, parts: ruleEnv(d.report, defaultTemplateFor(d.report)).texts().map((x) => ({ path: x.path, text: x.text })) })), { isTarget });
  const matches: CopyMatchTable[] = [];
  const row = (i: number, m: Partial<CopyMatchTable> & Pick<CopyMatchTable, 'kind'>): CopyMatchTable => ({
    id: newId(), task_id: t.id, report_id: docs[i]!.id, path: '', passage: '', other_report_id: null, other_department_id: null,
    other_department_name: '', other_year: null, other_path: '', other_passage: '', similarity: null, ...m,
  });
  const mismatches = docs.map((d) => d.mismatch);
  const original = (i: number, other: number) => mismatches[other]?.otherDepartmentId === docs[i]!.department_id;
  for (const m of result.matches) {
    if (original(m.docIndex, m.otherIndex)) continue;
    const other = docs[m.otherIndex]!;
    matches.push(row(m.docIndex, { kind: 'passage', path: m.path, passage: m.passage, other_report_id: other.id, other_department_id: other.department_id, other_department_name: other.department_name, other_year: other.year, other_path: m.otherPath, other_passage: m.otherPassage, similarity: m.similarity }));
  }
  for (const w of result.wholeCopies) {
    if (original(w.docIndex, w.otherIndex)) continue;
    const other = docs[w.otherIndex]!;
    matches.push(row(w.docIndex, { kind: 'whole', passage: `全文约 ${Math.round(w.share * 100)}% 的段落与该报告雷同`, other_report_id: other.id, other_department_id: other.department_id, other_department_name: other.department_name, other_year: other.year, similarity: w.share }));
  }
  docs.forEach((d, i) => {
    const mismatch = mismatches[i];
    if (mismatch) {
      const other = mismatch.otherDepartmentId ? byId.get(mismatch.otherDepartmentId) : undefined;
      matches.push(row(i, { kind: 'wrong_department', path: 'cover.departmentName', passage: mismatch.reason, other_department_id: other?.id ?? null, other_department_name: other?.name ?? d.report.cover.departmentName }));
    }
  });
  const stats = {
    reports: docs.length, targets: docs.filter((_, i) => isTarget(i)).length, passages: result.stats.passages, candidatePairs: result.stats.candidatePairs,
    flaggedReports: new Set(matches.map((m) => m.report_id)).size,
  };
  return { matches, stats };
}

export async function runCopyCheck(deps: Deps, o: { actor: BureauActor; taskId: string }): Promise<CopyRunView> {
  const t = await loadTask(deps, o.actor, o.taskId);
  assertPerfAdmin(o.actor, t.bureau_id);
  const started = Date.now();
  const { matches, stats: counted } = await computeCopyMatches(deps.db.kysely, t, () => deps.random.uuid());
  const stats = { ...counted, ms: Date.now() - started };
  const at = nowIso(deps.clock);
  await inTransaction(deps, async (trx, audit) => {
    await replaceCopyRun(trx, { task_id: t.id, ran_by: o.actor?.id ?? 'cli', ran_at: at, stats: JSON.stringify(stats) }, matches);
    await audit({ ...auditBy(o.actor), event: 'copy_check', objectType: 'task', objectId: t.id, detail: { ...stats, matches: matches.length } });
  });
  return copyRun(deps, { actor: o.actor, taskId: t.id });
}

export async function copyRun(deps: Deps, o: { actor: BureauActor; taskId: string }): Promise<CopyRunView> {
  const t = await loadTask(deps, o.actor, o.taskId);
  const sectionId = o.actor ? financeScope(o.actor).sectionId : null;
  const db = deps.db.kysely;
  const run = await findCopyRun(db, t.id);
  let reports = db.selectFrom('reports as r').innerJoin('departments as d', 'd.id', 'r.department_id').select(['r.id', 'r.department_name']).where('r.task_id', '=', t.id);
  if (sectionId) reports = reports.where('d.section_id', '=', sectionId);
  const names = new Map((await reports.execute()).map((r) => [r.id, r.department_name]));
  const matches = (await listCopyMatches(db, t.id)).filter((m) => names.has(m.report_id));
  return {
    taskId: t.id, ranAt: run?.ran_at ?? null, stats: run ? JSON.parse(run.stats) : null,
    matches: matches.map((m) => ({
      reportId: m.report_id, departmentName: names.get(m.report_id) ?? '', kind: m.kind, path: m.path, passage: m.passage, otherReportId: m.other_report_id,
      otherDepartmentName: m.other_department_name, otherYear: m.other_year, otherPath: m.other_path, otherPassage: m.other_passage, similarity: m.similarity,
    })),
  };
}
