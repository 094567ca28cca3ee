// Seeds the demo bureau's year (plan.ts) into the tables: tasks with rosters, reports of 2019–2021 in
// their states with versions, 复核, a return with its dispute, samples, 整改 notices and a copy check.
// Written in the seeding transaction; the copy check runs on what was written, like the real one.
import { insertSource } from '../repositories/report-sources';
import { addDays, bureauDate } from '../../core/bureau/deadline';
import { priorIssuesOf } from '../../core/bureau/carry-over';
import { commonGrade, templateGradeOfScore } from '../../core/bureau/grades';
import { DEFAULT_WEIGHTS, drawSample } from '../../core/bureau/sampling';
import { checkReport } from '../../core/check';
import type { Report } from '../../core/model/report';
import { columnFigure } from '../../core/scoring/finance-columns';
import { appendAudit, type AuditWriter } from '../audit/chain';
import { sealPersonal } from '../crypto/personal-data';
import type { DB, Dialect } from '../db/schema';
import type { CopyMatchTable } from '../db/schema-bureau';
import type { Random } from '../deps';
import { replaceCopyRun } from '../repositories/copy-checks';
import { insertNotice } from '../repositories/rectifications';
import { projection } from '../repositories/projection';
import { insertReport } from '../repositories/reports';
import { insertReply, insertRescore } from '../repositories/review-extras';
import { insertReturn } from '../repositories/reviews';
import { replaceSample } from '../repositories/samples';
import { findTask, insertTask, insertTaskDepartments } from '../repositories/tasks';
import { insertVersion } from '../repositories/versions';
import { computeCopyMatches } from '../use-cases/copy-check';
import { defaultTitle } from '../use-cases/create-task';
import { demoReport } from './figures';
import { CURRENT, CURRENT_YEAR, DEADLINE_OFFSETS, DEPARTMENTS, HISTORY, NOTICES, type DeptKey } from './plan';

export interface DemoBureauOrg {
  bureauId: string;
  departments: Record<DeptKey, string>;
  users: Record<string, string>;
}

interface Ctx {
  trx: DB;
  writer: AuditWriter;
  dialect: Dialect;
  random: Random;
  at: string;
  org: DemoBureauOrg;
}

const dept = (k: DeptKey) => DEPARTMENTS.find((d) => d.key === k)!;

/** The actions that bring a report to a status, in order (its version history). */
const PATH: Record<string, string[]> = {
  dept_review: ['create', 'submit'],
  submitted: ['create', 'submit', 'approve'],
  finance_review: ['create', 'submit', 'approve', 'review'],
  returned: ['create', 'submit', 'approve', 'review', 'return'],
  accepted: ['create', 'submit', 'approve', 'review', 'accept'],
  published: ['create', 'submit', 'approve', 'review', 'accept', 'publish'],
};
const AFTER: Record<string, string> = { create: 'draft', submit: 'dept_review', approve: 'submitted', review: 'finance_review', return: 'returned', accept: 'accepted', publish: 'published' };

async function report(c: Ctx, o: { key: DeptKey; doc: Report; status: string; taskId: string; by: string; importMeta?: unknown; untouched?: boolean }): Promise<{ id: string; version: number }> {
  const id = c.random.uuid();
  const user = c.org.users[o.by]!;
  const created = o.untouched ? c.org.users['demo-admin']! : user;
  const actions = PATH[o.status] ?? [o.untouched ? 'issue' : o.importMeta ? 'import' : 'create'];
  const version = actions.length;
  const document = sealPersonal(c.writer.crypto, o.doc);
  await insertReport(c.trx, c.dialect, {
    id, bureau_id: c.org.bureauId, department_id: c.org.departments[o.key], department_name: dept(o.key).name, year: o.doc.year, kind: 'overall', template_id: o.doc.templateId,
    status: o.status, version, document, ...projection(o.doc),
    finance_since: actions.includes('approve') ? c.at : null, import_meta: o.importMeta ? JSON.stringify(o.importMeta) : null,
    created_by: created, created_at: c.at, updated_by: user, updated_at: c.at, task_id: o.taskId,
  });
  const source = (o.importMeta as { fileName?: string; sha256?: string } | undefined) ?? {};
  if (source.fileName) await insertSource(c.trx, { report_id: id, file_name: source.fileName, sha256: source.sha256 ?? null, imported_by: created, imported_at: c.at });
  for (const [i, action] of actions.entries())
    await insertVersion(c.trx, { report_id: id, version: i + 1, status: AFTER[action] ?? 'draft', action, user_id: i === 0 ? created : user, created_at: c.at });
  await appendAudit(c.trx, c.writer, c.at, { event: 'demo_seed', bureauId: c.org.bureauId, actorUsername: 'system', objectType: 'report', objectId: id, detail: { status: o.status, year: o.doc.year } });
  return { id, version };
}

/** 复核 lines that add up to `total`: computed lines kept, the remainder taken from the largest line with a reason. */
async function rescore(c: Ctx, r: { id: string; version: number }, doc: Report, total: number | null, opinion: string, lines?: number): Promise<void> {
  const card = checkReport(doc).score;
  const items = card.items.map((i) => ({ itemId: i.id, score: i.score ?? i.weight, reason: '' }));
  if (total != null) {
    const largest = items.reduce((a, b, i) => (card.items[i]!.weight > card.items[items.indexOf(a)]!.weight ? b : a), items[0]!);
    largest.score = Math.round((largest.score - (items.reduce((s, x) => s + x.score, 0) - total)) * 100) / 100;
    largest.reason = opinion || '完成值依据不足，酌情扣分';
  }
  const kept = lines == null ? items : items.slice(0, lines);
  await insertRescore(c.trx, {
    id: c.random.uuid(), report_id: r.id, report_version: r.version, reviewer_id: c.org.users['demo-reviewer']!, reviewer_kind: 'reviewer', third_party: '',
    items: JSON.stringify(kept), total, grade: templateGradeOfScore(total, doc.templateId) ?? '', opinion, version: 1, created_at: c.at, updated_at: c.at,
  });
}

async function task(c: Ctx, year: number, d: { selfEvalDue: string; financeReviewDue: string; publishBy: string }): Promise<string> {
  const id = c.random.uuid();
  const admin = c.org.users['demo-admin']!;
  await insertTask(c.trx, {
    id, bureau_id: c.org.bureauId, year, kind: 'overall', template_id: 'yueyang-overall', title: defaultTitle(year),
    notice: `各部门：请于${d.selfEvalDue}前完成${year}年度部门整体支出绩效自评并报送自评报告及评分表。`, scope: JSON.stringify({ mode: 'all', sectionIds: [], departmentIds: [] }),
    self_eval_due: d.selfEvalDue, finance_review_due: d.financeReviewDue, publish_by: d.publishBy, status: 'issued', version: 2,
    created_by: admin, created_at: c.at, updated_by: admin, updated_at: c.at, issued_by: admin, issued_at: c.at,
  });
  await insertTaskDepartments(c.trx, DEPARTMENTS.map((x) => ({ task_id: id, department_id: c.org.departments[x.key], extended_due: null, extension_reason: null, added_at: c.at })));
  return id;
}

export async function insertDemoBureau(trx: DB, writer: AuditWriter, org: DemoBureauOrg, seed: { report: Report; meta: unknown }, opts: { at: string; random: Random }): Promise<void> {
  const c: Ctx = { trx, writer, dialect: writer.dialect, random: opts.random, at: opts.at, org };
  const docs = new Map<string, Report>();
  // two years of history, every report published, 复核 where the plan has one
  for (const [i, year] of [2019, 2020].entries()) {
    const t = await task(c, year, { selfEvalDue: `${year + 1}-06-15`, financeReviewDue: `${year + 1}-07-15`, publishBy: `${year + 1}-08-31` });
    const picks = [];
    for (const d of DEPARTMENTS) {
      const h = HISTORY[d.key][i]!;
      const doc = demoReport(year, d, h, h.blank);
      if (d.key === 'dangqun') doc.narrative = structuredClone(seed.report.narrative);
      const r = await report(c, { key: d.key, doc, status: 'published', taskId: t, by: 'demo-admin' });
      if (h.review != null) {
        await rescore(c, r, doc, h.review, '复核认为部分定性指标依据不足');
        picks.push({ sample_id: '', department_id: org.departments[d.key], report_id: r.id, source: 'risk' as const, risk: 1, reasons: JSON.stringify(['演示：历史抽查']), dropped: 0, note: '', updated_by: org.users['demo-admin']!, updated_at: opts.at });
      }
    }
    const sid = opts.random.uuid();
    await replaceSample(trx, { id: sid, task_id: t, seed: `${year}-demo`, params: JSON.stringify({ size: picks.length, weights: DEFAULT_WEIGHTS, randomShare: 0, seed: `${year}-demo`, recentYears: 3 }), candidates: DEPARTMENTS.length, created_by: org.users['demo-admin']!, created_at: opts.at, updated_at: opts.at }, picks.map((p) => ({ ...p, sample_id: sid })));
  }

  // the 2021 task, mid-cycle
  const today = bureauDate(opts.at);
  const due = { selfEvalDue: addDays(today, DEADLINE_OFFSETS.selfEvalDue), financeReviewDue: addDays(today, DEADLINE_OFFSETS.financeReviewDue), publishBy: addDays(today, DEADLINE_OFFSETS.publishBy) };
  const current = await task(c, CURRENT_YEAR, due);
  const notices = await insertNotices(c, current);
  const ids: Partial<Record<DeptKey, string>> = {};
  for (const d of DEPARTMENTS) {
    const p = CURRENT[d.key];
    if (p.status === 'none') continue;
    const figures = { budgetWan: p.budgetWan, execution: p.execution, selfScore: p.selfScore, grade: p.grade };
    const doc = p.status === 'seed' ? structuredClone(seed.report) : demoReport(CURRENT_YEAR, d, figures, p.untouched);
    doc.priorIssues = priorIssuesOf(notices.filter((n) => n.dept === d.key && n.year === CURRENT_YEAR - 1).flatMap((n) => n.items));
    if (p.copies) doc.narrative = [{ key: 'performance', heading: '4、部门（单位）整体支出绩效情况', text: seed.report.narrative.find((n) => n.key === 'performance')!.text.replaceAll('党群工作部', d.name).slice(0, 600) }];
    const status = p.status === 'seed' ? 'draft' : p.status;
    const by = d.key === 'dangqun' ? 'demo-preparer' : 'demo-admin';
    const r = await report(c, { key: d.key, doc, status, taskId: current, by, importMeta: p.status === 'seed' ? seed.meta : undefined, untouched: p.untouched });
    const id = r.id;
    ids[d.key] = id;
    docs.set(id, doc);
    if (p.review) await rescore(c, r, doc, p.review.total, p.review.opinion, p.review.total == null ? 5 : undefined);
    if (p.returned) {
      const rid = opts.random.uuid();
      await insertReturn(trx, { id: rid, report_id: id, version: r.version, reason: p.returned.reason, paths: JSON.stringify([p.returned.path]), user_id: org.users['demo-reviewer']!, role: 'reviewer', created_at: opts.at });
      await insertReply(trx, { id: opts.random.uuid(), return_id: rid, report_id: id, path: p.returned.path, side: 'department', stance: 'dispute', text: p.returned.dispute, user_id: org.users['demo-preparer3']!, created_at: opts.at });
    }
    if (p.extendedDays)
      await trx.updateTable('task_departments').set({ extended_due: addDays(due.selfEvalDue, p.extendedDays + 3), extension_reason: '机构改革，财务人员调整，经申请同意延期' }).where('task_id', '=', current).where('department_id', '=', org.departments[d.key]).execute();
  }
  await appendAudit(trx, writer, opts.at, { event: 'demo_seed', bureauId: org.bureauId, actorUsername: 'system', objectType: 'report', objectId: null, detail: { note: '党政办公室删除了下达时生成的草稿，准备导入本单位文件' } });
  const { matches, stats } = await computeCopyMatches(trx, (await findTask(trx, current))!, () => opts.random.uuid());
  await replaceCopyRun(trx, { task_id: current, ran_by: org.users['demo-admin']!, ran_at: opts.at, stats: JSON.stringify({ ...stats, ms: 0 }) }, matches);
  await currentSample(c, current, ids, docs, matches);
}

async function insertNotices(c: Ctx, currentTask: string) {
  const out = [];
  for (const n of NOTICES) {
    const id = c.random.uuid();
    const d = dept(n.dept);
    const items = n.items.map((x, i) => ({
      id: c.random.uuid(), notice_id: id, seq: i + 1, problem: x.problem, requirement: x.requirement, due_date: `${n.year + 1}-12-31`, responsible: d.name,
      status: x.status, answer: x.answer ?? '', answered_by: x.answer ? c.org.users['demo-preparer']! : null, answered_at: x.answer ? c.at : null,
      review_note: x.status === 'accepted' ? '已核实，予以销号' : '', reviewed_by: x.status === 'accepted' ? c.org.users['demo-reviewer']! : null, reviewed_at: x.status === 'accepted' ? c.at : null, version: 1,
    }));
    await insertNotice(c.trx, {
      id, bureau_id: c.org.bureauId, department_id: c.org.departments[n.dept], report_id: null, task_id: n.year === CURRENT_YEAR ? currentTask : null, year: n.year,
      title: `关于${d.name}${n.year}年度绩效自评问题的整改通知`, basis: n.basis, status: items.every((i) => i.status === 'accepted') ? 'closed' : 'open',
      issued_by: c.org.users['demo-admin']!, issued_at: c.at, closed_at: null,
    }, items);
    out.push({ dept: n.dept, year: n.year, items: items.map((i) => ({ itemId: i.id, problem: i.problem, requirement: i.requirement, dueDate: i.due_date, answer: i.answer, accepted: i.status === 'accepted' })) });
  }
  return out;
}

/** The 2021 sample as the real draw gives it from the reported reports, with its seed recorded. */
async function currentSample(c: Ctx, taskId: string, ids: Partial<Record<DeptKey, string>>, docs: Map<string, Report>, copies: readonly CopyMatchTable[]): Promise<void> {
  const reported = DEPARTMENTS.filter((d) => ids[d.key] && ['submitted', 'finance_review', 'returned', 'accepted'].includes(CURRENT[d.key].status));
  const candidates = reported.map((d) => {
    const id = ids[d.key]!;
    const doc = docs.get(id)!;
    const s = checkReport(doc).score;
    return {
      departmentId: c.org.departments[d.key], departmentName: d.name, reportId: id, budgetFen: columnFigure(doc.finance.expenditure, 'total', false)?.fen ?? null,
      selfScore: doc.performance.selfScore, computableWeight: s.computable.weight, waivedErrors: 0,
      copiedPassages: copies.filter((m) => m.report_id === id && m.kind === 'passage').length, wrongDepartment: copies.some((m) => m.report_id === id && m.kind === 'wrong_department'),
      executionRate: CURRENT[d.key].execution, priorGrade: commonGrade(HISTORY[d.key][1].grade, doc.templateId), yearsSinceSampled: HISTORY[d.key][1].review != null ? 1 : HISTORY[d.key][0].review != null ? 2 : null,
    };
  });
  const params = { size: 3, weights: { ...DEFAULT_WEIGHTS }, randomShare: 0.34, seed: `${CURRENT_YEAR}-演示抽查`, recentYears: 3 };
  const draw = drawSample(candidates, params);
  const sid = c.random.uuid();
  await replaceSample(c.trx, { id: sid, task_id: taskId, seed: params.seed, params: JSON.stringify(params), candidates: candidates.length, created_by: c.org.users['demo-admin']!, created_at: c.at, updated_at: c.at },
    draw.picks.map((p) => ({ sample_id: sid, department_id: p.departmentId, report_id: p.reportId, source: p.source, risk: p.risk, reasons: JSON.stringify(p.reasons), dropped: 0, note: '', updated_by: c.org.users['demo-admin']!, updated_at: c.at })));
}
