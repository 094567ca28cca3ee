// 抽查: propose a task's sample from its reported reports (core/bureau/sampling.ts: risk factors with the
// bureau's weights plus a seeded random share), store it with its parameters and seed, read it back, and
// add or drop a pick by hand with a reason. Every stored change is audited; the same inputs and seed
// always give the same proposal, so a stored sample can be re-derived. A pick is a report: a 项目支出
// task's candidates are its project tables, several per department.
import { commonGrade, commonGradeOfScore } from '../../core/bureau/grades';
import { projectKey } from '../../core/bureau/project-key';
import { DEFAULT_WEIGHTS, drawSample, sampleProblems, type Candidate, type Ranked, type RiskWeights, type SampleParams } from '../../core/bureau/sampling';
import type { SamplePickTable, TaskTable } from '../db/schema-bureau';
import { nowIso, type Deps } from '../deps';
import { AppError, notFound } from '../errors';
import { copyCounts } from '../repositories/copy-checks';
import { rescoreTotals } from '../repositories/review-extras';
import { findSample, lastSampledYears, listPicks, replaceSample, upsertPick } from '../repositories/samples';
import { boardRows, type BoardRow } from '../repositories/tasks';
import { assertPerfAdmin, auditBy, financeScope, loadTask, type BureauActor } from './bureau-shared';
import { statsFor } from './report-stats';
import { inTransaction } from './shared';

export interface SampleInput {
  size?: number;
  percent?: number;
  weights?: Partial<RiskWeights>;
  randomShare: number;
  seed?: string;
  recentYears?: number;
}

export interface PickView {
  departmentId: string;
  departmentName: string;
  reportId: string;
  /** 项目名称 (a 项目支出 task's report), else null */
  projectName: string | null;
  source: SamplePickTable['source'];
  risk: number;
  reasons: string[];
  dropped: boolean;
  note: string;
}

export interface SampleView {
  taskId: string;
  stored: boolean;
  seed: string;
  params: SampleParams;
  candidates: number;
  createdAt: string | null;
  updatedAt: string | null;
  picks: PickView[];
  /** every candidate's risk, riskiest first (a proposal shows why the others were not picked) */
  ranked: Array<{ departmentId: string; departmentName: string; reportId: string; projectName: string | null; risk: number; reasons: string[] }>;
}

/** What a view names a pick by: its department, and its project in a 项目支出 task. */
interface Names {
  departments: Map<string, string>;
  projects: Map<string, string | null>;
}

function namesOf(t: TaskTable, rows: ReadonlyArray<Pick<BoardRow, 'department_id' | 'department_name' | 'report_id' | 'project_name'>>): Names {
  return {
    departments: new Map(rows.map((r) => [r.department_id, r.department_name])),
    projects: new Map(rows.flatMap((r) => (r.report_id ? [[r.report_id, t.kind === 'project' ? (r.project_name ?? '') : null] as const] : []))),
  };
}

async function candidatesOf(deps: Deps, t: TaskTable): Promise<{ candidates: Candidate[]; names: Names }> {
  const db = deps.db.kysely;
  const rows = (await boardRows(db, t.id)).filter((r) => r.report_id && r.finance_since);
  const ids = rows.map((r) => r.report_id!);
  const [stats, waivers, copies, lastSampled] = await Promise.all([
    statsFor(deps, rows.map((r) => ({ id: r.report_id!, version: r.version! }))),
    ids.length ? db.selectFrom('waivers').select(['report_id', 'version']).where('report_id', 'in', ids).execute() : Promise.resolve([]),
    copyCounts(db, t.id),
    lastSampledYears(db, t.bureau_id, t.year),
  ]);
  const latest = new Map<string, { v: number; n: number }>();
  for (const w of waivers) {
    const p = latest.get(w.report_id);
    if (!p || w.version > p.v) latest.set(w.report_id, { v: w.version, n: 1 });
    else if (w.version === p.v) p.n++;
  }
  // last year's grade of the same kind of report: the 复核 grade where the bureau re-scored, else the
  // department's own; for a project table, last year's table of the same project
  const prev = rows.length
    ? await db.selectFrom('reports').select(['id', 'department_id', 'grade', 'template_id', 'project_name']).where('year', '=', t.year - 1).where('kind', '=', t.kind).where('department_id', 'in', rows.map((r) => r.department_id)).execute()
    : [];
  const prevReview = await rescoreTotals(db, prev.map((p) => p.id));
  const keyOf = (departmentId: string, projectName: string | null) => (t.kind === 'project' ? `${departmentId}\u0000${projectKey(projectName)}` : departmentId);
  const priorGrade = new Map(prev.map((p) => [keyOf(p.department_id, p.project_name), prevReview.get(p.id)?.total != null ? commonGradeOfScore(prevReview.get(p.id)!.total) : commonGrade(p.grade, p.template_id)]));
  const candidates = rows.map((r): Candidate => {
    const s = stats.get(r.report_id!);
    const c = copies.get(r.report_id!);
    const last = lastSampled.get(r.department_id);
    return {
      departmentId: r.department_id, departmentName: r.department_name, reportId: r.report_id!,
      budgetFen: s?.budget_fen ?? null, selfScore: r.self_score, computableWeight: s?.computable_weight ?? 0,
      waivedErrors: latest.get(r.report_id!)?.n ?? 0, copiedPassages: c?.passages ?? 0, wrongDepartment: c?.wrongDepartment ?? false,
      executionRate: s?.execution_rate ?? null, priorGrade: priorGrade.get(keyOf(r.department_id, r.project_name)) ?? null,
      yearsSinceSampled: last == null ? null : t.year - last,
    };
  });
  return { candidates, names: namesOf(t, rows) };
}

function paramsOf(t: TaskTable, i: SampleInput, seed: string): SampleParams {
  return {
    ...(i.size != null ? { size: i.size } : {}), ...(i.percent != null && i.size == null ? { percent: i.percent } : {}),
    weights: { ...DEFAULT_WEIGHTS, ...i.weights }, randomShare: i.randomShare, seed, recentYears: i.recentYears ?? 3,
  };
}

const rankedView = (r: Ranked[], names: Names) =>
  r.map((x) => ({ departmentId: x.candidate.departmentId, departmentName: x.candidate.departmentName, reportId: x.candidate.reportId, projectName: names.projects.get(x.candidate.reportId) ?? null, risk: x.risk, reasons: x.reasons }));

export async function proposeSample(deps: Deps, o: { actor: BureauActor; taskId: string; input: SampleInput; dryRun?: boolean }): Promise<SampleView> {
  const t = await loadTask(deps, o.actor, o.taskId);
  assertPerfAdmin(o.actor, t.bureau_id);
  const seed = o.input.seed?.trim() || `${t.year}-${deps.random.uuid().slice(0, 8)}`;
  const params = paramsOf(t, o.input, seed);
  const { candidates, names } = await candidatesOf(deps, t);
  const problems = sampleProblems(params, candidates.length);
  if (problems.length) throw new AppError('VALIDATION', problems.join('；'));
  const draw = drawSample(candidates, params);
  const at = nowIso(deps.clock);
  const who = o.actor?.id ?? 'cli';
  const picks: SamplePickTable[] = draw.picks.map((p) => ({ sample_id: '', department_id: p.departmentId, report_id: p.reportId, source: p.source, risk: p.risk, reasons: JSON.stringify(p.reasons), dropped: 0, note: '', updated_by: who, updated_at: at }));
  const view: SampleView = {
    taskId: t.id, stored: !o.dryRun, seed, params, candidates: candidates.length, createdAt: o.dryRun ? null : at, updatedAt: o.dryRun ? null : at,
    picks: picks.map((p) => pickView(p, names)), ranked: rankedView(draw.ranked, names),
  };
  if (o.dryRun) return view;
  const id = deps.random.uuid();
  await inTransaction(deps, async (trx, audit) => {
    const before = await findSample(trx, t.id);
    await replaceSample(trx, { id, task_id: t.id, seed, params: JSON.stringify(params), candidates: candidates.length, created_by: who, created_at: at, updated_at: at }, picks.map((p) => ({ ...p, sample_id: id })));
    await audit({
      ...auditBy(o.actor), event: 'sample_draw', objectType: 'task', objectId: t.id,
      detail: { sampleId: id, seed, params, candidates: candidates.length, picks: draw.picks.map((p) => ({ departmentId: p.departmentId, ...(t.kind === 'project' ? { reportId: p.reportId } : {}), source: p.source, risk: p.risk })), replaced: before?.id ?? null },
    });
  });
  return view;
}

function pickView(p: SamplePickTable, names: Names): PickView {
  return { departmentId: p.department_id, departmentName: names.departments.get(p.department_id) ?? '', reportId: p.report_id, projectName: names.projects.get(p.report_id) ?? null, source: p.source, risk: p.risk, reasons: JSON.parse(p.reasons) as string[], dropped: p.dropped === 1, note: p.note };
}

export async function getSample(deps: Deps, o: { actor: BureauActor; taskId: string }): Promise<SampleView | null> {
  const t = await loadTask(deps, o.actor, o.taskId);
  const sectionId = o.actor ? financeScope(o.actor).sectionId : null;
  const s = await findSample(deps.db.kysely, t.id);
  if (!s) return null;
  const names = namesOf(t, await boardRows(deps.db.kysely, t.id, sectionId));
  const picks = (await listPicks(deps.db.kysely, s.id)).filter((p) => names.departments.has(p.department_id));
  return {
    taskId: t.id, stored: true, seed: s.seed, params: JSON.parse(s.params) as SampleParams, candidates: s.candidates, createdAt: s.created_at, updatedAt: s.updated_at,
    picks: picks.map((p) => pickView(p, names)), ranked: [],
  };
}

export async function adjustSample(deps: Deps, o: { actor: BureauActor; taskId: string; departmentId: string; reportId?: string; action: 'add' | 'drop'; reason: string }): Promise<SampleView> {
  const t = await loadTask(deps, o.actor, o.taskId);
  assertPerfAdmin(o.actor, t.bureau_id);
  const reason = o.reason.trim();
  if (!reason) throw new AppError('VALIDATION', o.action === 'add' ? '手工增加抽查对象须写明理由' : '剔除抽查对象须写明理由');
  const db = deps.db.kysely;
  const s = await findSample(db, t.id);
  if (!s) throw new AppError('INVALID_STATE', '请先生成抽查样本');
  const roster = rosterLine((await boardRows(db, t.id)).filter((r) => r.department_id === o.departmentId), o.reportId);
  if (o.action === 'add' && !(roster.report_id && roster.finance_since)) throw new AppError('INVALID_STATE', `“${roster.department_name}”的报告尚未报送财政，不能抽查`);
  const existing = (await listPicks(db, s.id)).find((p) => (roster.report_id ? p.report_id === roster.report_id : p.department_id === o.departmentId));
  const what = t.kind === 'project' ? '该报告' : '该部门';
  if (o.action === 'drop' && (!existing || existing.dropped)) throw new AppError('INVALID_STATE', `${what}不在抽查样本中`);
  if (o.action === 'add' && existing && !existing.dropped) throw new AppError('INVALID_STATE', `${what}已在抽查样本中`);
  const reportId = existing?.report_id ?? roster.report_id!;
  const at = nowIso(deps.clock);
  const who = o.actor?.id ?? 'cli';
  const note = `${o.action === 'add' ? '手工增加' : '剔除'}：${reason}`;
  await inTransaction(deps, async (trx, audit) => {
    await upsertPick(trx, {
      sample_id: s.id, department_id: o.departmentId, report_id: reportId, source: existing?.source ?? 'manual', risk: existing?.risk ?? 0,
      reasons: existing?.reasons ?? JSON.stringify([`手工增加：${reason}`]), dropped: o.action === 'drop' ? 1 : 0, note, updated_by: who, updated_at: at,
    });
    await trx.updateTable('samples').set({ updated_at: at }).where('id', '=', s.id).execute();
    await audit({ ...auditBy(o.actor), event: o.action === 'add' ? 'sample_add' : 'sample_drop', objectType: 'task', objectId: t.id, detail: { sampleId: s.id, departmentId: o.departmentId, ...(t.kind === 'project' ? { reportId } : {}), reason } });
  });
  return (await getSample(deps, { actor: o.actor, taskId: t.id }))!;
}

/** The board line a manual pick is about: the named report, or the department's only one. */
function rosterLine(lines: BoardRow[], reportId: string | undefined): BoardRow {
  if (!lines.length) throw notFound('任务中的部门');
  if (reportId) {
    const line = lines.find((r) => r.report_id === reportId);
    if (!line) throw notFound('任务中的报告');
    return line;
  }
  if (lines.filter((r) => r.report_id).length > 1) throw new AppError('VALIDATION', `“${lines[0]!.department_name}”在本任务中有多份报告，请指定要抽查的报告（reportId）`);
  return lines[0]!;
}
